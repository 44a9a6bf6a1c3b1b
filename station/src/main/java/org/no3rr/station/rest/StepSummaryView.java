package org.no3rr.station.rest;

import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.metrics.Units;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.service.SummaryService;

import java.time.Instant;

/**
 * One step in {@code GET /api/runs/{id}/steps}: the stored {@link StepSummary} with units in the
 * names (see docs/metrics.md). {@code complete} is false for the step in progress, whose numbers
 * still grow and which has no end reason or floor yet. Not-a-number values are written as null.
 *
 * @param kind                   what the protocol says the step is
 * @param durationS              step time: pauses, prompts and outages are not in it
 * @param reducingChargeCoulombs the cathodic charge ∫|I| dt over I &lt; 0, what FE divides by
 * @param chargeFloorCoulombs    the channel's current resolution × the step's duration; readings are refused at
 *                               or below it
 */
public record StepSummaryView(int cycle, int stepNumber, int stepLine, StepKind kind, String text, boolean complete,
                              Instant startTime, Instant endTime, double durationS, long sampleCount,
                              double chargeCoulombs, double dischargeCoulombs, double chargeMah, double dischargeMah,
                              double chargeEnergyJ, double dischargeEnergyJ, double meanChargeVoltageV,
                              double meanDischargeVoltageV, double meanVoltageV, double minVoltageV,
                              double maxVoltageV, double firstVoltageV, double lastVoltageV, double driftVPerHour,
                              double meanCurrentA, double meanCurrentDensityMaPerCm2, double reducingChargeCoulombs,
                              double chargeFloorCoulombs, String endReason) {

    public static StepSummaryView of(SummaryService.StepReport report, double areaCm2) {
        StepSummary s = report.summary();
        StepTotals t = s.totals();
        return new StepSummaryView(s.cycle(), s.stepNumber(), s.stepLine(), s.kind(), s.text(), report.complete(),
                Instant.ofEpochMilli(s.startEpochMillis()), Instant.ofEpochMilli(s.endEpochMillis()), s.durationS(),
                t.sampleCount(), t.chargeCoulombs(), t.dischargeCoulombs(), Units.mahFromCoulombs(t.chargeCoulombs()),
                Units.mahFromCoulombs(t.dischargeCoulombs()), t.chargeEnergyJ(), t.dischargeEnergyJ(),
                t.meanChargeVoltageV(), t.meanDischargeVoltageV(), t.meanVoltageV(), t.minVoltageV(),
                t.maxVoltageV(), t.firstVoltageV(), t.lastVoltageV(), t.driftVPerHour(), t.meanCurrentA(),
                s.meanCurrentDensityMaPerCm2(areaCm2), s.reducingChargeCoulombs(), s.chargeFloorCoulombs(),
                s.endReason());
    }
}
