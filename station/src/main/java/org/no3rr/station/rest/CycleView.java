package org.no3rr.station.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.no3rr.metrics.battery.CycleSummary;

/**
 * One cycle in {@code GET /api/runs/{id}/cycles}: every field of {@link CycleSummary} (units in the
 * names, see docs/metrics.md) and whether the cycle is complete or still growing.
 */
public record CycleView(boolean complete, @JsonUnwrapped CycleSummary summary) {
}
