package org.no3rr.hal.sim.chem;

/**
 * Physical constants and the few textbook expressions every cell model needs, in one place so
 * that a battery and an H-cell can never disagree about Faraday's constant or the RHE slope.
 */
public final class Electrochemistry {

    /** Faraday constant, C mol⁻¹ (CODATA 2018, as in the domain reference). */
    public static final double FARADAY = 96485.332;

    /** Molar gas constant, J mol⁻¹ K⁻¹. */
    public static final double GAS_CONSTANT = 8.314462618;

    /**
     * (ln 10)·RT/F at 25 °C as the seeds and the station's metrics write it (0.0592 V per pH unit).
     * Kept as the rounded constant so simulated RHE potentials convert exactly as the station converts them.
     */
    public static final double RHE_SLOPE_VOLTS_PER_PH = 0.0592;

    /** Electrons per molecule: NO3⁻ → NH3. */
    public static final int ELECTRONS_AMMONIA = 8;

    /** Electrons per molecule: NO3⁻ → NO2⁻. */
    public static final int ELECTRONS_NITRITE = 2;

    /** Electrons per molecule: 2H⁺ → H2. */
    public static final int ELECTRONS_HYDROGEN = 2;

    /** Molar mass of NH3, g mol⁻¹. */
    public static final double AMMONIA_MOLAR_MASS = 17.031;

    /** Molar mass of Zn, g mol⁻¹. */
    public static final double ZINC_MOLAR_MASS = 65.38;

    /** Theoretical capacity of Zn, 2F/M(Zn) = 819.87 mAh g⁻¹ (the domain reference's ≈ 820). */
    public static final double ZINC_CAPACITY_MAH_PER_G = 2 * FARADAY / ZINC_MOLAR_MASS / 3.6;

    private static final double ZERO_CELSIUS_KELVIN = 273.15;

    private Electrochemistry() {
    }

    /** RT/F in V at {@code celsius}: 25.69 mV at 25 °C. */
    public static double thermalVoltage(double celsius) {
        return GAS_CONSTANT * (celsius + ZERO_CELSIUS_KELVIN) / FARADAY;
    }

    /** Moles of a product made by {@code coulombs} of charge at {@code electrons} per molecule. */
    public static double molesFromCharge(double coulombs, int electrons) {
        return coulombs / (electrons * FARADAY);
    }

    /** Inverse hyperbolic sine, the symmetric Butler–Volmer overpotential shape: η = (RT/αF)·asinh(j/2j₀). */
    public static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1.0));
    }
}
