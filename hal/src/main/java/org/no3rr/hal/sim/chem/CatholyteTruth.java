package org.no3rr.hal.sim.chem;

/**
 * What is really in a simulated cell's catholyte right now — the numbers an off-line analysis of
 * a sample would find. Read-only: the model owns the chemistry.
 */
public interface CatholyteTruth {

    double volumeLitres();

    double nitrateMoles();

    double ammoniaMoles();

    double nitriteMoles();

    default double nitrateConcentrationMolPerL() {
        return nitrateMoles() / volumeLitres();
    }

    default double ammoniaConcentrationMolPerL() {
        return ammoniaMoles() / volumeLitres();
    }

    default double nitriteConcentrationMolPerL() {
        return nitriteMoles() / volumeLitres();
    }

    /**
     * The absorbance a spectrophotometer would read for a sample of this catholyte, so that a
     * protocol's "enter the absorbance" prompt can be answered with a realistic number.
     *
     * @param slopePerMolar   calibration slope a of A = a·c + b, per mol L⁻¹ of NH3 in the measured solution
     * @param intercept       calibration intercept b (the blank's absorbance)
     * @param dilutionFactor  how many times the sample was diluted before the colour reaction
     *                        (0.05 mL of catholyte made up to 5 mL is 100); at least 1
     */
    default double absorbanceFor(double slopePerMolar, double intercept, double dilutionFactor) {
        if (!Double.isFinite(slopePerMolar) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("calibration slope and intercept must be finite numbers, were "
                    + slopePerMolar + " and " + intercept);
        }
        if (!(dilutionFactor >= 1) || !Double.isFinite(dilutionFactor)) {
            throw new IllegalArgumentException("dilution factor must be a finite number ≥ 1 (1 = undiluted), was "
                    + dilutionFactor);
        }
        return slopePerMolar * ammoniaConcentrationMolPerL() / dilutionFactor + intercept;
    }
}
