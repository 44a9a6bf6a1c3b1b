package org.no3rr.metrics.potential;

import org.no3rr.metrics.Arguments;

/**
 * Ohmic-drop correction of a working-electrode potential: E_corrected = E − I·R_u, with I signed
 * (negative = cathodic). A cathodic current makes the measured potential more negative than the
 * interface sees, so the correction moves it positive. Apply on the reference scale or on the RHE
 * scale; the shift is the same.
 */
public final class IrCompensation {

    private IrCompensation() {
    }

    /**
     * @param potentialV              measured potential, V
     * @param currentA                current, A, positive = anodic
     * @param uncompensatedResistanceOhm R_u, Ω, ≥ 0 (0 = no correction)
     */
    public static double compensatedV(double potentialV, double currentA, double uncompensatedResistanceOhm) {
        Arguments.requireNonNegative("uncompensatedResistanceOhm", uncompensatedResistanceOhm);
        return potentialV - currentA * uncompensatedResistanceOhm;
    }
}
