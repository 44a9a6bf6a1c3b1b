package org.no3rr.station.rest;

import org.no3rr.metrics.StepSummary;

import java.time.Instant;

/**
 * One completed step in {@code GET /api/runs/{id}/steps}: the fields of {@link StepSummary} with
 * units in the names (see docs/metrics.md), times as instants, and the mean current density over
 * the run's cell area. NaN (no charge, a rest's midpoint) is written as null.
 *
 * @param kind {@code rest}, {@code charge} or {@code discharge}
 */
public record StepSummaryView(int cycle, int stepNumber, String kind, Instant startTime, Instant endTime,
                              double durationS, double chargeCapacityCoulombs, double dischargeCapacityCoulombs,
                              double chargeCapacityMah, double dischargeCapacityMah, double chargeEnergyJ,
                              double dischargeEnergyJ, double meanChargeVoltageV, double meanDischargeVoltageV,
                              double meanCurrentA, double meanCurrentDensityMaPerCm2, double midpointVoltageV) {

    static StepSummaryView of(StepSummary step, double areaCm2) {
        return new StepSummaryView(step.cycle(), step.stepNumber(), step.kind().name().toLowerCase(),
                Instant.ofEpochMilli(step.startEpochMillis()), Instant.ofEpochMilli(step.endEpochMillis()),
                step.durationS(), step.chargeCapacityCoulombs(), step.dischargeCapacityCoulombs(),
                step.chargeCapacityMah(), step.dischargeCapacityMah(), step.chargeEnergyJ(), step.dischargeEnergyJ(),
                step.meanChargeVoltageV(), step.meanDischargeVoltageV(), step.meanCurrentA(),
                step.meanCurrentDensityMaPerCm2(areaCm2), step.midpointVoltageV());
    }
}
