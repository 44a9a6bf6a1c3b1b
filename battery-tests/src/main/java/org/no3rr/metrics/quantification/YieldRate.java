package org.no3rr.metrics.quantification;

import org.no3rr.metrics.Arguments;
import org.no3rr.metrics.Units;

/**
 * Production rate of a product in every unit the literature uses — and each name says by what,
 * because per-mg-catalyst and per-cm² figures are the ones most often confused.
 * r = N·M / (t·m_cat) and r = N·M / (t·A), with N the moles formed (c·V), M the product's molar
 * mass (NH3: 17.031 g mol⁻¹, i.e. the mass is reported as NH3), t the time.
 *
 * @param mgPerHourPerMgCat    mg h⁻¹ mg_cat⁻¹ (NaN when the catalyst mass is not given)
 * @param ugPerHourPerMgCat    µg h⁻¹ mg_cat⁻¹ (NaN when the catalyst mass is not given)
 * @param ugPerHourPerCm2      µg h⁻¹ cm⁻² of geometric area
 * @param umolPerHourPerCm2    µmol h⁻¹ cm⁻² of geometric area
 * @param molPerSecondPerCm2   mol s⁻¹ cm⁻² of geometric area
 */
public record YieldRate(double mgPerHourPerMgCat, double ugPerHourPerMgCat, double ugPerHourPerCm2,
                        double umolPerHourPerCm2, double molPerSecondPerCm2) {

    /**
     * @param productMol        moles formed over the period
     * @param analyte           product, for its molar mass
     * @param durationS         length of the period, s
     * @param areaCm2           geometric electrode area, cm²
     * @param catalystMassMg    catalyst loading, mg, or NaN if unknown
     */
    public static YieldRate of(double productMol, Analyte analyte, double durationS, double areaCm2,
                               double catalystMassMg) {
        Arguments.requireFinite("productMol", productMol);
        Arguments.requirePositive("durationS", durationS);
        Arguments.requirePositive("areaCm2", areaCm2);
        Arguments.requirePositiveOrNaN("catalystMassMg", catalystMassMg);
        double hours = durationS / Units.SECONDS_PER_HOUR;
        double massMg = productMol * analyte.molarMassGPerMol() * 1000.0;
        double mgPerHourPerMgCat = massMg / hours / catalystMassMg;
        return new YieldRate(mgPerHourPerMgCat, mgPerHourPerMgCat * 1000.0, massMg * 1000.0 / hours / areaCm2,
                productMol * 1e6 / hours / areaCm2, productMol / durationS / areaCm2);
    }
}
