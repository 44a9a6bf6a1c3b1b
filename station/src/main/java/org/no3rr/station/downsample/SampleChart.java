package org.no3rr.station.downsample;

import java.util.List;

/**
 * The answer of {@code GET /api/runs/{id}/samples}: how many samples the window holds and the
 * points chosen from them, in time order.
 *
 * @param fromS          the window's start as asked, or null
 * @param toS            the window's end as asked, or null
 * @param samplesInRange stored samples in the window when the request was served
 */
public record SampleChart(long runId, Double fromS, Double toS, int maxPoints, long samplesInRange,
                          List<ChartPoint> points) {
}
