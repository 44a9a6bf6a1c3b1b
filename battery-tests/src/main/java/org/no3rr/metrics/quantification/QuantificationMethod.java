package org.no3rr.metrics.quantification;

/**
 * The off-line methods the seeds use, with the analyte and what the "signal" of a reading is.
 * Every method is calibrated the same way ({@link CalibrationCurve}): a straight line of signal
 * against molar concentration of the analyte.
 */
public enum QuantificationMethod {
    /** Indophenol (salicylate) blue, absorbance at 655 nm. */
    INDOPHENOL_BLUE_NH3(Analyte.NH3, 655, "absorbance at 655 nm"),
    /** Nessler's reagent, absorbance at 420 nm. */
    NESSLER_NH3(Analyte.NH3, 420, "absorbance at 420 nm"),
    /** Griess-type (sulfonamide + NED), absorbance at 540 nm. */
    GRIESS_NO2(Analyte.NO2_MINUS, 540, "absorbance at 540 nm"),
    /** UV, A = A220 − 2·A275 (the 275 nm term corrects for organics); see {@link #uvNitrateAbsorbance}. */
    UV_NO3(Analyte.NO3_MINUS, 220, "A220 − 2·A275"),
    /** Watt–Chrisp (p-dimethylaminobenzaldehyde), absorbance at 458 nm. */
    WATT_CHRISP_N2H4(Analyte.N2H4, 458, "absorbance at 458 nm"),
    /** ¹H NMR: NH4⁺ peak area divided by the internal standard's peak area. */
    NMR_NH3(Analyte.NH3, 0, "peak area ratio vs internal standard");

    private final Analyte analyte;
    private final int wavelengthNm;
    private final String signal;

    QuantificationMethod(Analyte analyte, int wavelengthNm, String signal) {
        this.analyte = analyte;
        this.wavelengthNm = wavelengthNm;
        this.signal = signal;
    }

    public Analyte analyte() {
        return analyte;
    }

    /** Main wavelength read, in nm; 0 for NMR, which has none. */
    public int wavelengthNm() {
        return wavelengthNm;
    }

    /** What the signal of a reading is, for display. */
    public String signal() {
        return signal;
    }

    /** The UV nitrate signal A220 − 2·A275. */
    public static double uvNitrateAbsorbance(double absorbance220nm, double absorbance275nm) {
        return absorbance220nm - 2 * absorbance275nm;
    }
}
