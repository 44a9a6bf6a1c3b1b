package org.no3rr.metrics.electrolysis;

import org.no3rr.metrics.Arguments;
import org.no3rr.metrics.LinearFit;

/**
 * Double-layer capacitance from CVs in a non-Faradaic window at several scan rates, and the
 * electrochemically active surface area (ECSA) derived from it.
 *
 * <p>Cdl is the least-squares slope of (j_a − j_c)/2 against scan rate ν, where j_a and j_c are
 * the anodic and cathodic current densities at the middle of the window (j_c is negative, so
 * (j_a − j_c)/2 is the mean capacitive current magnitude). With j in mA cm⁻² and ν in V s⁻¹ the
 * slope is in mF cm⁻² (of geometric area): mA·s/V = mF.
 *
 * @param cdlMfPerCm2              Cdl, mF cm⁻²
 * @param interceptMaPerCm2        intercept of the fit, mA cm⁻² (ideally ≈ 0)
 * @param rSquared                 R² of the fit
 */
public record DoubleLayerCapacitance(double cdlMfPerCm2, double interceptMaPerCm2, double rSquared) {

    public static DoubleLayerCapacitance fit(double[] scanRatesVPerS, double[] anodicCurrentDensitiesMaPerCm2,
                                             double[] cathodicCurrentDensitiesMaPerCm2) {
        Arguments.requireSameLength("scanRatesVPerS", scanRatesVPerS,
                "anodicCurrentDensitiesMaPerCm2", anodicCurrentDensitiesMaPerCm2);
        Arguments.requireSameLength("scanRatesVPerS", scanRatesVPerS,
                "cathodicCurrentDensitiesMaPerCm2", cathodicCurrentDensitiesMaPerCm2);
        double[] halfDifference = new double[scanRatesVPerS.length];
        for (int i = 0; i < scanRatesVPerS.length; i++) {
            Arguments.requirePositive("scanRatesVPerS[" + i + "]", scanRatesVPerS[i]);
            halfDifference[i] = (anodicCurrentDensitiesMaPerCm2[i] - cathodicCurrentDensitiesMaPerCm2[i]) / 2;
        }
        LinearFit line = LinearFit.of(scanRatesVPerS, halfDifference);
        if (!(line.slope() > 0)) {
            throw new IllegalArgumentException("(j_a − j_c)/2 must grow with scan rate; the fitted Cdl was "
                    + line.slope() + " mF cm⁻² (check the sign of j_c and the window)");
        }
        return new DoubleLayerCapacitance(line.slope(), line.intercept(), line.rSquared());
    }

    /** Cdl in F cm⁻². */
    public double cdlFPerCm2() {
        return cdlMfPerCm2 / 1000.0;
    }

    /**
     * Roughness factor Cdl/Cs: cm² of active area per cm² of geometric area.
     *
     * @param specificCapacitanceMfPerCm2 Cs of a flat surface of the material, mF cm⁻² (often 0.02–0.06)
     */
    public double roughnessFactor(double specificCapacitanceMfPerCm2) {
        return cdlMfPerCm2 / Arguments.requirePositive("specificCapacitanceMfPerCm2", specificCapacitanceMfPerCm2);
    }

    /** ECSA = Cdl/Cs × geometric area, in cm². */
    public double ecsaCm2(double specificCapacitanceMfPerCm2, double geometricAreaCm2) {
        return roughnessFactor(specificCapacitanceMfPerCm2) * Arguments.requirePositive("geometricAreaCm2", geometricAreaCm2);
    }

    /** ECSA-normalised current density j·Cs/Cdl: mA per cm² of active area, from j per cm² of geometric area. */
    public double ecsaNormalizedCurrentDensityMaPerCm2(double currentDensityMaPerCm2, double specificCapacitanceMfPerCm2) {
        return currentDensityMaPerCm2 / roughnessFactor(specificCapacitanceMfPerCm2);
    }
}
