package org.no3rr.metrics.electrolysis;

import org.no3rr.metrics.Arguments;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.Units;

/**
 * One potentiostatic hold (chronoamperometry) of an electrolysis. Reduction at the working
 * electrode is a negative current, so the charge that drives the products, the one Faradaic
 * efficiency divides by, is the cathodic charge ∫|I| dt over I &lt; 0.
 *
 * @param cycle                      cycle of the hold (recycling test: one hold per cycle)
 * @param stepNumber                 running step count
 * @param durationS                  duration of the hold, s
 * @param cathodicChargeCoulombs     ∫|I| dt over I &lt; 0 during the hold, C
 * @param meanCurrentDensityMaPerCm2 signed mean j = ∫I dt / t / area, mA cm⁻² (negative = cathodic)
 */
public record HoldSummary(int cycle, int stepNumber, double durationS, double cathodicChargeCoulombs,
                          double meanCurrentDensityMaPerCm2) {

    public static HoldSummary of(StepSummary step, double areaCm2) {
        Arguments.requirePositive("areaCm2", areaCm2);
        return new HoldSummary(step.cycle(), step.stepNumber(), step.durationS(), step.reducingChargeCoulombs(),
                step.meanCurrentDensityMaPerCm2(areaCm2));
    }

    public double durationHours() {
        return durationS / Units.SECONDS_PER_HOUR;
    }
}
