package org.no3rr.station.rest;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.Units;
import org.no3rr.station.service.SummaryService;

import java.time.Instant;

/**
 * One cycle in {@code GET /api/runs/{id}/cycles} and the cycle export, units in the names (see
 * docs/metrics.md). The capacities, energies, mean voltages, ratios, retention and fade are a
 * battery run's and come from its charge and discharge halves; they are null for an electrolysis
 * run, for a half the cycle lacks, and (the ratios) when either half is below its charge floor.
 * Per-cm² values use the electrode area, per-g values the zinc mass (null without it).
 *
 * @param complete                 false for the cycle in progress
 * @param chargeCoulombs           ∫I dt over I &gt; 0 over all its steps, any run
 * @param dischargeCoulombs        ∫|I| dt over I &lt; 0 over all its steps (an electrolysis cycle's cathodic charge)
 * @param capacityRetentionPercent 100 · Q_dis / Q_ref against the run's reference
 * @param fadePercentPerCycle      −(least-squares slope of retention against cycle) over the cycles so far
 */
public record CycleView(int cycle, boolean complete, int firstStepNumber, int lastStepNumber, Instant startTime,
                        Instant endTime, double durationS, double chargeCoulombs, double dischargeCoulombs,
                        Double chargeCapacityCoulombs, Double dischargeCapacityCoulombs, Double chargeCapacityMah,
                        Double dischargeCapacityMah, Double chargeCapacityMahPerCm2, Double dischargeCapacityMahPerCm2,
                        Double chargeCapacityMahPerGZn, Double dischargeCapacityMahPerGZn, Double chargeEnergyJ,
                        Double dischargeEnergyJ, Double chargeEnergyWh, Double dischargeEnergyWh,
                        Double meanChargeVoltageV, Double meanDischargeVoltageV, Double coulombicEfficiency,
                        Double energyEfficiency, Double voltageGapV, Double capacityRetentionPercent,
                        Double fadePercentPerCycle) {

    public static CycleView of(SummaryService.CycleReport report, CellMetadata cell) {
        CycleSummary c = report.summary();
        Half charge = Half.of(c, c.chargeCapacityCoulombs(), c.chargeHalf(), cell);
        Half discharge = Half.of(c, c.dischargeCapacityCoulombs(), c.dischargeHalf(), cell);
        return new CycleView(c.cycle(), report.complete(), c.firstStepNumber(), c.lastStepNumber(),
                Instant.ofEpochMilli(c.startEpochMillis()), Instant.ofEpochMilli(c.endEpochMillis()), c.durationS(),
                c.chargeCoulombs(), c.dischargeCoulombs(), charge.coulombs, discharge.coulombs, charge.mah,
                discharge.mah, charge.mahPerCm2, discharge.mahPerCm2, charge.mahPerGZn, discharge.mahPerGZn,
                charge.energyJ, discharge.energyJ, charge.energyWh, discharge.energyWh, charge.meanVoltageV,
                discharge.meanVoltageV, c.coulombicEfficiency(), c.energyEfficiency(), c.voltageGapV(),
                report.retentionPercent(), report.fadePercentPerCycle());
    }

    /** One half's numbers in every unit, all null when the half is absent or the run is not a battery's. */
    private record Half(Double coulombs, Double mah, Double mahPerCm2, Double mahPerGZn, Double energyJ,
                        Double energyWh, Double meanVoltageV) {

        static Half of(CycleSummary cycle, Double capacity, CycleSummary.Half half, CellMetadata cell) {
            if (capacity == null) {
                return new Half(null, null, null, null, null, null, null);
            }
            double mah = Units.mahFromCoulombs(capacity);
            return new Half(capacity, mah, mah / cell.areaCm2(), Double.isNaN(cell.znMassG()) ? null
                    : mah / cell.znMassG(), half.energyJ(), Units.whFromJoules(half.energyJ()), half.meanVoltageV());
        }
    }
}
