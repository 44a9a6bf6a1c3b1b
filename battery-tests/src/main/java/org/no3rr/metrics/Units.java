package org.no3rr.metrics;

/**
 * Conversions from the SI values the station stores to the units researchers report. Kept as
 * named functions so a reader never has to guess whether a factor of 3.6 or 1000 was applied.
 */
public final class Units {

    /** 1 mAh = 1e-3 A × 3600 s = 3.6 C. */
    public static final double COULOMBS_PER_MAH = 3.6;

    /** 1 Wh = 3600 J. */
    public static final double JOULES_PER_WH = 3600.0;

    public static final double SECONDS_PER_HOUR = 3600.0;

    public static final double MILLIS_PER_HOUR = 3_600_000.0;

    private Units() {
    }

    public static double mahFromCoulombs(double coulombs) {
        return coulombs / COULOMBS_PER_MAH;
    }

    public static double whFromJoules(double joules) {
        return joules / JOULES_PER_WH;
    }

    /** mWh from J: 1 mWh = 3.6 J. */
    public static double mwhFromJoules(double joules) {
        return joules / COULOMBS_PER_MAH;
    }

    public static double litresFromMillilitres(double millilitres) {
        return millilitres / 1000.0;
    }

    /** Current density in mA cm⁻² from a current in A over a geometric area in cm². */
    public static double milliampsPerCm2(double currentA, double areaCm2) {
        return currentA * 1000.0 / areaCm2;
    }

    public static double kelvinFromCelsius(double celsius) {
        return celsius + PhysicalConstants.ZERO_CELSIUS_K;
    }
}
