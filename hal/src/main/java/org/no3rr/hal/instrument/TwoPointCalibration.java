package org.no3rr.hal.instrument;

/**
 * A straight-line correction from what an instrument reads with its nominal transfer to what a
 * reference meter says: {@code true = gain × nominal + offset}. Two known points fix it; the
 * station stores the pair per analog path and hands it to the backend. Identity by default.
 *
 * <p>For an output (a current source, a potentiostat's setpoint) nominal is what was commanded and
 * true what was measured; the output commands {@link #nominalFor} of the value it is asked for.
 */
public record TwoPointCalibration(double gain, double offset) {

    private static final TwoPointCalibration IDENTITY = new TwoPointCalibration(1.0, 0.0);

    public TwoPointCalibration {
        if (!Double.isFinite(gain) || gain == 0.0) {
            throw new IllegalArgumentException("calibration gain must be a finite, non-zero number, was " + gain);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("calibration offset must be finite, was " + offset);
        }
    }

    public static TwoPointCalibration identity() {
        return IDENTITY;
    }

    /**
     * The line through (nominal1 → true1) and (nominal2 → true2).
     *
     * @throws IllegalArgumentException when the two nominal readings coincide or a value is not finite
     */
    public static TwoPointCalibration fromPoints(double nominal1, double true1, double nominal2, double true2) {
        if (!Double.isFinite(nominal1) || !Double.isFinite(true1) || !Double.isFinite(nominal2) || !Double.isFinite(true2)) {
            throw new IllegalArgumentException("calibration points must be finite, were (" + nominal1 + " → " + true1
                    + ") and (" + nominal2 + " → " + true2 + ")");
        }
        if (nominal1 == nominal2) {
            throw new IllegalArgumentException("calibration points need two different readings, both were " + nominal1
                    + ": measure at two levels far apart, e.g. 10 % and 90 % of the range");
        }
        double gain = (true2 - true1) / (nominal2 - nominal1);
        return new TwoPointCalibration(gain, true1 - gain * nominal1);
    }

    public double apply(double nominal) {
        return gain * nominal + offset;
    }

    /** The nominal value whose true value is {@code trueValue}: (true − offset) / gain. */
    public double nominalFor(double trueValue) {
        return (trueValue - offset) / gain;
    }

    public boolean isIdentity() {
        return gain == 1.0 && offset == 0.0;
    }
}
