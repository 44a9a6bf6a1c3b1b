package org.no3rr.cell;

/**
 * What the researcher tells the station about the cell of a run. Everything a result is
 * normalised by lives here, with its unit in its name.
 *
 * @param areaCm2                       geometric electrode area in cm², for current densities
 * @param catalystMassMg                catalyst loading in mg, for specific yield rates (NaN if not given)
 * @param znMassG                       zinc anode mass in g, for specific capacity (NaN if not given)
 * @param catholyteVolumeMl             catholyte volume in mL, for Faradaic efficiency (NaN if not given)
 * @param ph                            electrolyte pH, for the RHE scale (NaN if not given)
 * @param referenceElectrode            e.g. "Ag/AgCl (sat. KCl)"; empty for a two-electrode cell
 * @param referenceOffsetV              reference potential vs SHE in V (0.197 for sat. KCl Ag/AgCl)
 * @param uncompensatedResistanceOhm    R_u for iR compensation in Ω (0 for none)
 * @param rheSlopeVPerPh                the RHE conversion's slope in V per pH unit: 0.0592 (2.303·RT/F at
 *                                      25 °C, rounded) by default; 0.059 reproduces both seed papers
 * @param nominalCapacityAh             the battery's nominal capacity in Ah, for C-rates: 1C drains it
 *                                      in one hour (NaN if not given)
 */
public record CellMetadata(double areaCm2, double catalystMassMg, double znMassG, double catholyteVolumeMl,
                           double ph, String referenceElectrode, double referenceOffsetV,
                           double uncompensatedResistanceOhm, double rheSlopeVPerPh, double nominalCapacityAh) {

    /** Ag/AgCl in saturated KCl vs SHE, as written in the seed papers' methods (000). */
    public static final double AG_AGCL_SAT_KCL_V = 0.197;

    /** 2.303·R·T/F at 25 °C, rounded as most methods sections write it, in V per pH unit. */
    public static final double DEFAULT_RHE_SLOPE_V_PER_PH = 0.0592;

    public CellMetadata {
        requirePositive("areaCm2", areaCm2);
        requirePositiveOrAbsent("catalystMassMg", catalystMassMg);
        requirePositiveOrAbsent("znMassG", znMassG);
        requirePositiveOrAbsent("catholyteVolumeMl", catholyteVolumeMl);
        if (!Double.isNaN(ph) && !(ph >= -1 && ph <= 15)) {
            throw new IllegalArgumentException("ph must be between -1 and 15, was " + ph);
        }
        referenceElectrode = referenceElectrode == null ? "" : referenceElectrode;
        if (!Double.isFinite(referenceOffsetV) || Math.abs(referenceOffsetV) > 2) {
            throw new IllegalArgumentException("referenceOffsetV must be between -2 and 2 V, was " + referenceOffsetV);
        }
        if (!Double.isFinite(uncompensatedResistanceOhm) || uncompensatedResistanceOhm < 0
                || uncompensatedResistanceOhm > 1e6) {
            throw new IllegalArgumentException("uncompensatedResistanceOhm must be between 0 and 1e6 Ω, was "
                    + uncompensatedResistanceOhm);
        }
        if (!(rheSlopeVPerPh >= 0.050 && rheSlopeVPerPh <= 0.070)) {
            throw new IllegalArgumentException("rheSlopeVPerPh must be between 0.050 and 0.070 V per pH (0.0592 at "
                    + "25 °C; 0.059 as in the seed papers), was " + rheSlopeVPerPh);
        }
        requirePositiveOrAbsent("nominalCapacityAh", nominalCapacityAh);
    }

    /** A cell with the default RHE slope (0.0592 V per pH) and no nominal capacity. */
    public CellMetadata(double areaCm2, double catalystMassMg, double znMassG, double catholyteVolumeMl,
                        double ph, String referenceElectrode, double referenceOffsetV,
                        double uncompensatedResistanceOhm) {
        this(areaCm2, catalystMassMg, znMassG, catholyteVolumeMl, ph, referenceElectrode, referenceOffsetV,
                uncompensatedResistanceOhm, DEFAULT_RHE_SLOPE_V_PER_PH, Double.NaN);
    }

    /** This cell with a nominal capacity in Ah (NaN for none). */
    public CellMetadata withNominalCapacityAh(double ah) {
        return new CellMetadata(areaCm2, catalystMassMg, znMassG, catholyteVolumeMl, ph, referenceElectrode,
                referenceOffsetV, uncompensatedResistanceOhm, rheSlopeVPerPh, ah);
    }

    /** This cell with another RHE slope, e.g. a paper's 0.059 V per pH. */
    public CellMetadata withRheSlopeVPerPh(double slope) {
        return new CellMetadata(areaCm2, catalystMassMg, znMassG, catholyteVolumeMl, ph, referenceElectrode,
                referenceOffsetV, uncompensatedResistanceOhm, slope, nominalCapacityAh);
    }

    /** A 1 cm² cell with nothing else known and an Ag/AgCl (sat. KCl) reference. */
    public static CellMetadata ofArea(double areaCm2) {
        return new CellMetadata(areaCm2, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                "Ag/AgCl (sat. KCl)", AG_AGCL_SAT_KCL_V, 0.0);
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a positive number, was " + value);
        }
    }

    private static void requirePositiveOrAbsent(String field, double value) {
        if (!Double.isNaN(value) && (!(value > 0) || !Double.isFinite(value))) {
            throw new IllegalArgumentException(field + " must be a positive number or absent, was " + value);
        }
    }
}
