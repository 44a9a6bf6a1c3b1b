package org.no3rr.metrics.quantification;

/**
 * The species the station quantifies, with molar masses from standard atomic weights
 * (H 1.008, N 14.007, O 15.999). Concentrations throughout are molar concentrations of the
 * analyte in mol L⁻¹. For ammonia this is total ammoniacal nitrogen (NH3 + NH4⁺): one N each, so
 * the molar concentration is the same on an NH3, NH4⁺ or N basis — only mass concentrations differ
 * (see {@link AmmoniaBasis}). Yields of ammonia are reported as mass of NH3.
 */
public enum Analyte {
    NH3(17.031),
    NO2_MINUS(46.005),
    NO3_MINUS(62.004),
    N2H4(32.046),
    H2(2.016);

    private final double molarMassGPerMol;

    Analyte(double molarMassGPerMol) {
        this.molarMassGPerMol = molarMassGPerMol;
    }

    public double molarMassGPerMol() {
        return molarMassGPerMol;
    }
}
