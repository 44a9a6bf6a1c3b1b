package org.no3rr.protocol;

/**
 * Whether a constant-power or constant-resistance step stays within the channel's current rating.
 * Its current depends on the cell voltage (I = P/V, I = V/R), which is not known before the run,
 * so it is checked at the worst voltage the run allows: the channel's window narrowed by the
 * protocol's Limits and, for a discharge at constant power, by the step's own cut-off.
 */
final class LoadCheck {

    private final RatingsCheck ratings;
    private final Step.Driven step;

    LoadCheck(RatingsCheck ratings, Step.Driven step) {
        this.ratings = ratings;
        this.step = step;
    }

    /** P = V·I: at most the rated current at the highest voltage, and I = P/V at the lowest. */
    void power(double watts, String described) {
        double highest = ratings.highestVolts();
        if (highest > 0 && watts > ratings.maxAmps() * highest) {
            ratings.fail(step, described + " exceeds " + ratings.rating() + " at up to " + Numbers.format(highest)
                    + " V (" + Numbers.format(ratings.ratedAmps() * highest * 1000) + " mW)",
                    "Discharge at " + Numbers.format(ratings.ratedAmps() * highest * 500) + " mW until 0.8 V");
            return;
        }
        double lowest = lowestVoltsOfStep();
        if (lowest > 0 && watts / lowest > ratings.maxAmps()) {
            ratings.fail(step, described + " takes " + Numbers.format(watts / lowest * 1000) + " mA at "
                    + Numbers.format(lowest) + " V, beyond " + ratings.rating() + "; end the step at a higher voltage "
                    + "or lower the power", "Discharge at " + Numbers.format(ratings.ratedAmps() * lowest * 1000)
                    + " mW until " + Numbers.format(lowest) + " V");
        }
    }

    /** I = V/R, largest at the highest voltage the run allows. */
    void resistance(double ohms) {
        double highest = ratings.highestVolts();
        if (highest > 0 && highest / ohms > ratings.maxAmps()) {
            double least = highest / ratings.ratedAmps();
            ratings.fail(step, Numbers.format(ohms) + " Ohm draws up to " + Numbers.format(highest / ohms * 1000)
                    + " mA at " + Numbers.format(highest) + " V, beyond " + ratings.rating() + "; use at least "
                    + Numbers.format(Math.ceil(least)) + " Ohm or a lower voltage limit",
                    "Discharge at " + Numbers.format(Math.ceil(least)) + " Ohm for 10 min or until 0.8 V");
        }
    }

    /** The lowest voltage the step can see: a discharge stops at its cut-off, if it has one. */
    private double lowestVoltsOfStep() {
        double lowest = ratings.lowestVolts();
        for (StepEnd end : step.ends()) {
            if (end instanceof StepEnd.AtVoltage v && v.falling()) {
                lowest = Math.max(lowest, v.volts());
            }
        }
        return lowest;
    }
}
