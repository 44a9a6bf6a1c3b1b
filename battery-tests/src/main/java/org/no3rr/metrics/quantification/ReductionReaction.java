package org.no3rr.metrics.quantification;

/**
 * The reactions whose Faradaic efficiency the station reports, with the electrons n per molecule
 * of product: N goes from +5 (NO3⁻) or +3 (NO2⁻) to −3 (NH3) or −2 (N2H4, two N per molecule).
 */
public enum ReductionReaction {
    /** NO3⁻ + 9H⁺ + 8e⁻ → NH3 + 3H2O (or the alkaline equivalent). */
    NITRATE_TO_AMMONIA(8, Analyte.NH3),
    /** NO3⁻ + 2H⁺ + 2e⁻ → NO2⁻ + H2O. */
    NITRATE_TO_NITRITE(2, Analyte.NO2_MINUS),
    /** NO2⁻ + 7H⁺ + 6e⁻ → NH3 + 2H2O. */
    NITRITE_TO_AMMONIA(6, Analyte.NH3),
    /** 2NO3⁻ + … + 14e⁻ → N2H4: 14 electrons per N2H4. */
    NITRATE_TO_HYDRAZINE(14, Analyte.N2H4),
    /** 2H⁺ + 2e⁻ → H2. */
    HYDROGEN_EVOLUTION(2, Analyte.H2);

    private final int electrons;
    private final Analyte product;

    ReductionReaction(int electrons, Analyte product) {
        this.electrons = electrons;
        this.product = product;
    }

    public int electrons() {
        return electrons;
    }

    public Analyte product() {
        return product;
    }
}
