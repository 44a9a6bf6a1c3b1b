package org.no3rr.engine;

/**
 * Where a regulated step stands (see {@link Regulator}); {@link #NONE} for every other step.
 *
 * @param amps           the current last commanded, in A with the station's sign
 * @param regulating     whether the step's target is being met yet: false during CCCV's
 *                       constant-current phase, true once the voltage is reached and for every other
 *                       regulated step from its start
 * @param settlingLeft   how many more unrecorded readings the step may take at once to settle on its
 *                       target (after it begins regulating, and after every gap)
 * @param loopOhms       a voltage hold's loop resistance (NaN for other targets)
 * @param lastErrorVolts a voltage hold's error at the previous reading (NaN when there is none)
 */
record Regulation(double amps, boolean regulating, int settlingLeft, double loopOhms, double lastErrorVolts) {

    static final Regulation NONE = new Regulation(Double.NaN, false, 0, Double.NaN, Double.NaN);

    /** Overshooting by this share of the previous error or more means the loop resistance is too small. */
    private static final double OVERSHOOT = 0.3;
    /** Keeping this share of the previous error or more, on the same side, means it is too large. */
    private static final double SLUGGISH = 0.5;
    private static final double LEAST_LOOP_OHMS = 1e-3;
    private static final double MOST_LOOP_OHMS = 1e9;

    /** A constant-current phase (CCCV's first) at {@code amps}. */
    static Regulation constantCurrent(double amps) {
        return new Regulation(amps, false, 0, Double.NaN, Double.NaN);
    }

    /** A regulated phase that begins: it settles first. */
    static Regulation begin(double amps, double loopOhms, int settlingReadings) {
        return new Regulation(amps, true, settlingReadings, loopOhms, Double.NaN);
    }

    Regulation settled() {
        return new Regulation(amps, regulating, 0, loopOhms, lastErrorVolts);
    }

    /** After a gap: the same current and loop, settling again, with no previous error to compare. */
    Regulation resumed(int settlingReadings) {
        return new Regulation(amps, regulating, regulating ? settlingReadings : 0, loopOhms, Double.NaN);
    }

    Regulation commanding(double newAmps, int newSettlingLeft) {
        return new Regulation(newAmps, regulating, newSettlingLeft, loopOhms, lastErrorVolts);
    }

    /**
     * The loop after a reading whose error is {@code errorVolts}: an error that changed side while
     * keeping {@value #OVERSHOOT} of its size or more doubles the loop resistance (the correction
     * overshot: the cell's resistance is larger than the loop's); one that stayed on its side with
     * {@value #SLUGGISH} of its size or more scales it by 0.7 (the corrections fall short). Errors
     * within the voltage tolerance, where noise decides the side, leave the loop as it is.
     */
    Regulation tuned(double errorVolts) {
        if (Double.isNaN(errorVolts)) {
            return this;
        }
        double ohms = loopOhms;
        boolean significant = Math.abs(errorVolts) > Regulator.VOLTAGE_TOLERANCE;
        if (significant && Double.isFinite(lastErrorVolts)) {
            double ratio = errorVolts / lastErrorVolts;
            if (ratio <= -OVERSHOOT) {
                ohms = Math.min(MOST_LOOP_OHMS, 2 * ohms);
            } else if (ratio >= SLUGGISH) {
                ohms = Math.max(LEAST_LOOP_OHMS, 0.7 * ohms);
            }
        }
        return new Regulation(amps, regulating, settlingLeft, ohms, errorVolts);
    }
}
