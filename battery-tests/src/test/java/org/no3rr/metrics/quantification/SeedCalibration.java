package org.no3rr.metrics.quantification;

/**
 * The indophenol-blue standards of seed 000 (S4): 0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.10 mM NH4Cl,
 * with chosen absorbances A = 8 mM⁻¹·c + 0.040 + δ, where δ = (0, +0.001, −0.002, +0.001, 0, 0, 0).
 * δ sums to zero and is orthogonal to c (in units of 0.01 mM: 1·1 − 2·2 + 1·3 = 0), so the
 * least-squares line is exactly a = 8 mM⁻¹ = 8000 L mol⁻¹, b = 0.040, and SS_res = Σδ² = 6·10⁻⁶.
 */
final class SeedCalibration {

    static final double[] STANDARDS_MOL_PER_L = {0, 0.01e-3, 0.02e-3, 0.03e-3, 0.05e-3, 0.08e-3, 0.10e-3};
    static final double[] ABSORBANCES = {0.040, 0.121, 0.198, 0.281, 0.440, 0.680, 0.840};

    private SeedCalibration() {
    }

    static CalibrationCurve indophenol() {
        return CalibrationCurve.fit(QuantificationMethod.INDOPHENOL_BLUE_NH3, STANDARDS_MOL_PER_L, ABSORBANCES);
    }
}
