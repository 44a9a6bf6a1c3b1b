package org.no3rr.metrics.battery;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;

/**
 * Sums the steps of one cycle. Cycle totals are sums of step integrals (integrals are additive),
 * so a cycle summary never needs the samples again. Primitive state only; reused across cycles.
 */
public final class CycleAccumulator {

    private int cycle;
    private int stepCount;
    private long startEpochMillis;
    private long endEpochMillis;
    private double chargeCoulombs;
    private double dischargeCoulombs;
    private double chargeEnergyJ;
    private double dischargeEnergyJ;

    public void begin(int cycle) {
        this.cycle = cycle;
        stepCount = 0;
        chargeCoulombs = 0;
        dischargeCoulombs = 0;
        chargeEnergyJ = 0;
        dischargeEnergyJ = 0;
    }

    public void add(StepSummary step) {
        if (step.cycle() != cycle) {
            throw new IllegalArgumentException("step " + step.stepNumber() + " belongs to cycle " + step.cycle()
                    + ", not to cycle " + cycle);
        }
        if (stepCount == 0) {
            startEpochMillis = step.startEpochMillis();
        }
        stepCount++;
        endEpochMillis = step.endEpochMillis();
        chargeCoulombs += step.chargeCapacityCoulombs();
        dischargeCoulombs += step.dischargeCapacityCoulombs();
        chargeEnergyJ += step.chargeEnergyJ();
        dischargeEnergyJ += step.dischargeEnergyJ();
    }

    public int cycle() {
        return cycle;
    }

    public int stepCount() {
        return stepCount;
    }

    /** The summary of the steps added so far. */
    public CycleSummary summary(CellMetadata cell) {
        return CycleSummary.of(cycle, startEpochMillis, endEpochMillis, stepCount,
                chargeCoulombs, dischargeCoulombs, chargeEnergyJ, dischargeEnergyJ, cell);
    }

    /** The summary as if {@code inProgressStep} (not yet added) were part of the cycle; this accumulator is unchanged. */
    public CycleSummary summaryWith(StepSummary inProgressStep, CellMetadata cell) {
        long start = stepCount == 0 ? inProgressStep.startEpochMillis() : startEpochMillis;
        return CycleSummary.of(cycle, start, inProgressStep.endEpochMillis(), stepCount + 1,
                chargeCoulombs + inProgressStep.chargeCapacityCoulombs(),
                dischargeCoulombs + inProgressStep.dischargeCapacityCoulombs(),
                chargeEnergyJ + inProgressStep.chargeEnergyJ(),
                dischargeEnergyJ + inProgressStep.dischargeEnergyJ(), cell);
    }
}
