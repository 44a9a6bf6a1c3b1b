package org.no3rr.metrics.quantification;

import org.no3rr.metrics.Arguments;

/**
 * The basis a mass concentration of ammonia is written on. Standards are often sold as
 * "NH4⁺-N, 1000 mg L⁻¹" or made up as NH4Cl; the same solution is 17.031/14.007 = 1.216 times more
 * concentrated "as NH3" than "as N". Converting to mol L⁻¹ removes the ambiguity.
 */
public enum AmmoniaBasis {
    /** mass of NH3, 17.031 g mol⁻¹ */
    AS_NH3(17.031),
    /** mass of NH4⁺, 18.039 g mol⁻¹ */
    AS_NH4_PLUS(18.039),
    /** mass of N, 14.007 g mol⁻¹ */
    AS_N(14.007);

    private final double molarMassGPerMol;

    AmmoniaBasis(double molarMassGPerMol) {
        this.molarMassGPerMol = molarMassGPerMol;
    }

    public double molarMassGPerMol() {
        return molarMassGPerMol;
    }

    /** mg L⁻¹ on this basis → mol L⁻¹: c = ρ / (1000 · M). */
    public double molPerLFromMgPerL(double mgPerL) {
        return Arguments.requireFinite("mgPerL", mgPerL) / (1000.0 * molarMassGPerMol);
    }

    /** mol L⁻¹ → mg L⁻¹ on this basis. */
    public double mgPerLFromMolPerL(double molPerL) {
        return Arguments.requireFinite("molPerL", molPerL) * 1000.0 * molarMassGPerMol;
    }
}
