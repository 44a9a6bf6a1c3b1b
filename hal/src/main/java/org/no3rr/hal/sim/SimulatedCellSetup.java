package org.no3rr.hal.sim;

/**
 * What a run declares about its cell that the simulated cell takes over, so that a rehearsal runs
 * on the researcher's cell rather than on the simulator's default one. A value that is not
 * declared is NaN; the simulated cell then keeps its configured value. The station fills this from
 * the run's cell metadata when the run starts.
 *
 * <p>Which model uses what: the H-cell takes the area, catalyst mass, catholyte volume, pH and
 * reference electrode; the battery takes the area, catholyte volume, Zn mass and nominal capacity.
 * docs/simulator.md says how each one changes the cell.
 *
 * @param areaCm2              geometric electrode area, cm²
 * @param catalystMassMg       catalyst on the working electrode, mg
 * @param znMassG              Zn anode mass, g
 * @param catholyteVolumeMl    catholyte volume, mL
 * @param ph                   electrolyte pH, for the RHE scale of the H-cell's reference electrode
 * @param referenceOffsetVolts reference electrode vs SHE, V (Ag/AgCl in saturated KCl: 0.197)
 * @param nominalCapacityMah   the battery's nominal capacity, mAh
 */
public record SimulatedCellSetup(double areaCm2, double catalystMassMg, double znMassG, double catholyteVolumeMl,
                                 double ph, double referenceOffsetVolts, double nominalCapacityMah) {

    /** Nothing declared: the simulated cell as configured. */
    public static final SimulatedCellSetup NONE = new SimulatedCellSetup(Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public SimulatedCellSetup {
        requirePositiveOrAbsent("areaCm2", areaCm2);
        requirePositiveOrAbsent("catalystMassMg", catalystMassMg);
        requirePositiveOrAbsent("znMassG", znMassG);
        requirePositiveOrAbsent("catholyteVolumeMl", catholyteVolumeMl);
        requirePositiveOrAbsent("nominalCapacityMah", nominalCapacityMah);
        if (Double.isInfinite(ph) || Double.isInfinite(referenceOffsetVolts)) {
            throw new IllegalArgumentException("ph and referenceOffsetVolts must be finite or absent (NaN), were "
                    + ph + " and " + referenceOffsetVolts);
        }
    }

    /** Whether {@code value} was declared. */
    public static boolean declared(double value) {
        return !Double.isNaN(value);
    }

    /** {@code value} if declared, else {@code configured}. */
    public static double orElse(double value, double configured) {
        return declared(value) ? value : configured;
    }

    private static void requirePositiveOrAbsent(String field, double value) {
        if (declared(value) && (!(value > 0) || Double.isInfinite(value))) {
            throw new IllegalArgumentException(field + " must be a positive number or absent (NaN), was " + value);
        }
    }
}
