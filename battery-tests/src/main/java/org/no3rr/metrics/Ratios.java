package org.no3rr.metrics;

/**
 * Efficiencies and mean voltages are ratios whose denominator can legitimately be zero (a cycle
 * with no charge half, a rest step). They are reported as NaN then — not as 0 or infinity, which
 * would plot as data.
 */
public final class Ratios {

    private Ratios() {
    }

    public static double orNaN(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
