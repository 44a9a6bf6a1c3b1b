package org.no3rr.station.validation;

/**
 * Every range and length limit of the API's request fields, in one place; docs/security.md lists
 * them for users. Ranges are generous around what a lab does and refuse what can only be a typo or
 * an attack (an area of 1e-300 cm², a volume of -5 mL, a signal of 1e308).
 */
public final class Ranges {

    // Cell metadata (runs and protocol checks).
    /** Electrode area: 0.0001 cm² (a microelectrode) to 1 m². */
    public static final Range AREA_CM2 = new Range(1e-4, 1e4, "cm²");
    /** Catalyst loading. */
    public static final Range CATALYST_MASS_MG = new Range(1e-6, 1e5, "mg");
    /** Zinc anode mass. */
    public static final Range ZN_MASS_G = new Range(1e-6, 1e4, "g");
    /** Catholyte volume. */
    public static final Range CATHOLYTE_VOLUME_ML = new Range(1e-3, 1e5, "mL");
    public static final Range PH = new Range(-1, 15, "");
    /** Reference electrode vs SHE. */
    public static final Range REFERENCE_OFFSET_V = new Range(-2, 2, "V");
    public static final Range UNCOMPENSATED_RESISTANCE_OHM = new Range(0, 1e6, "Ω");
    /** The RHE conversion's slope: 0.0592 at 25 °C, 0.059 as the seed papers round it. */
    public static final Range RHE_SLOPE_V_PER_PH = new Range(0.050, 0.070, "V per pH");
    /** A battery's nominal capacity, for C-rates. */
    public static final Range NOMINAL_CAPACITY_AH = new Range(1e-9, 1e4, "Ah");

    // Sample readings.
    /** Absorbance or NMR peak-area ratio (a blank-corrected absorbance may be slightly negative). */
    public static final Range SIGNAL = new Range(-10, 1e4, "");
    public static final Range DILUTION_FACTOR = new Range(1e-3, 1e6, "");
    public static final Range VOLUME_SAMPLED_ML = new Range(1e-4, 1e4, "mL");
    public static final Range HYDROGEN_PPM = new Range(0, 1e6, "ppm");
    public static final Range CARRIER_FLOW_ML_PER_MIN = new Range(1e-3, 1e4, "mL/min");
    public static final Range GC_DURATION_S = new Range(1e-3, 1e7, "s");
    public static final long MAX_STEP_NUMBER = 10_000_000;

    // Calibrations.
    /** Concentration of a standard in the measured solution. */
    public static final Range STANDARD_MOL_PER_L = new Range(0, 100, "mol/L");
    /** What a reference meter shows while calibrating a channel's analog path (V or A). */
    public static final Range REFERENCE_VALUE = new Range(-1000, 1000, "V or A");
    /** A current the station drives while calibrating its current path. */
    public static final Range DRIVE_CURRENT_A = new Range(-10, 10, "A");

    // Free text, in characters.
    public static final int NAME_CHARS = 200;
    public static final int NOTES_CHARS = 4000;
    public static final int ANSWER_CHARS = 1000;
    public static final int IDENTIFIER_CHARS = 100;
    public static final int REFERENCE_ELECTRODE_CHARS = 100;
    public static final int TOKEN_CHARS = 200;

    private Ranges() {
    }
}
