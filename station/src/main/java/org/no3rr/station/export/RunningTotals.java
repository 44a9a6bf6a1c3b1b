package org.no3rr.station.export;

import org.no3rr.metrics.StepTotals;
import org.no3rr.station.store.StoredSample;

/**
 * The BDF export's running capacities and energies, sample by sample, with the station's one
 * integrator: {@link StepTotals} over each step's samples in step time, exactly as the engine
 * built the stored step summaries — so the last row of a step equals its {@code /steps} entry — and
 * run totals as the sum of the steps so far.
 */
final class RunningTotals {

    private StepTotals step = StepTotals.EMPTY;
    private int stepNumber = Integer.MIN_VALUE;
    private long recordInStep;
    private double chargeCoulombsBefore;
    private double dischargeCoulombsBefore;
    private double chargeJoulesBefore;
    private double dischargeJoulesBefore;

    void add(StoredSample s) {
        if (s.stepNumber() != stepNumber) {
            chargeCoulombsBefore += step.chargeCoulombs();
            dischargeCoulombsBefore += step.dischargeCoulombs();
            chargeJoulesBefore += step.chargeEnergyJ();
            dischargeJoulesBefore += step.dischargeEnergyJ();
            step = StepTotals.EMPTY;
            stepNumber = s.stepNumber();
            recordInStep = 0;
        }
        step = step.plus(s.stepTimeMillis(), s.voltage(), s.current());
        recordInStep++;
    }

    /** BDF "Step Record Index": the sample's position in its step, from 1. */
    long recordInStep() {
        return recordInStep;
    }

    StepTotals step() {
        return step;
    }

    double chargeCoulombs() {
        return chargeCoulombsBefore + step.chargeCoulombs();
    }

    double dischargeCoulombs() {
        return dischargeCoulombsBefore + step.dischargeCoulombs();
    }

    double chargeJoules() {
        return chargeJoulesBefore + step.chargeEnergyJ();
    }

    double dischargeJoules() {
        return dischargeJoulesBefore + step.dischargeEnergyJ();
    }
}
