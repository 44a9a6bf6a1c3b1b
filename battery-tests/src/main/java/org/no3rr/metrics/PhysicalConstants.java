package org.no3rr.metrics;

/**
 * The physical constants every metric uses, in one place so that a paper's methods section can
 * quote exactly what the station computed with.
 */
public final class PhysicalConstants {

    /** Faraday constant in C mol⁻¹, as written in docs/metrics.md (CODATA 2018: 96485.33212). */
    public static final double FARADAY_C_PER_MOL = 96485.332;

    /** Molar gas constant in J mol⁻¹ K⁻¹ (exact since the 2019 SI redefinition). */
    public static final double GAS_CONSTANT_J_PER_MOL_K = 8.314462618;

    /** 0 °C in K, to convert a temperature given in °C. */
    public static final double ZERO_CELSIUS_K = 273.15;

    /** One standard atmosphere in Pa. */
    public static final double STANDARD_ATMOSPHERE_PA = 101325.0;

    private PhysicalConstants() {
    }
}
