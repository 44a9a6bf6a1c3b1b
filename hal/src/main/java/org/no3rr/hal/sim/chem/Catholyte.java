package org.no3rr.hal.sim.chem;

/**
 * The nitrate-containing electrolyte on the cathode side, as amounts of substance. Both cell
 * models reduce nitrate through this one class so that mass balance is kept the same way.
 */
public final class Catholyte implements CatholyteTruth {

    private final double volumeLitres;
    private final double freshNitrateMoles;
    private double nitrateMoles;
    private double ammoniaMoles;
    private double nitriteMoles;

    public Catholyte(double volumeLitres, double nitrateMolPerL) {
        if (!(volumeLitres > 0) || !(nitrateMolPerL >= 0)) {
            throw new IllegalArgumentException("catholyte needs a positive volume and a non-negative nitrate"
                    + " concentration, was " + volumeLitres + " L and " + nitrateMolPerL + " mol/L");
        }
        this.volumeLitres = volumeLitres;
        this.freshNitrateMoles = volumeLitres * nitrateMolPerL;
        this.nitrateMoles = freshNitrateMoles;
    }

    /**
     * Converts nitrate into the given amounts of NH3 and NO2⁻, as far as the nitrate present allows.
     *
     * @return the fraction of the request that happened (1 unless the nitrate ran out); the caller
     *         attributes the charge of the rest to hydrogen
     */
    public double reduceNitrate(double ammonia, double nitrite) {
        double wanted = ammonia + nitrite;
        if (wanted <= 0) {
            return 1.0;
        }
        double done = Math.min(1.0, nitrateMoles / wanted);
        nitrateMoles = Math.max(0.0, nitrateMoles - wanted * done);
        ammoniaMoles += ammonia * done;
        nitriteMoles += nitrite * done;
        return done;
    }

    /** Fresh electrolyte: nitrate back to its initial amount, no products. */
    public void refresh() {
        nitrateMoles = freshNitrateMoles;
        ammoniaMoles = 0.0;
        nitriteMoles = 0.0;
    }

    /**
     * Sets the amounts from a snapshot of this catholyte, mol.
     *
     * @throws IllegalArgumentException if the amounts hold more nitrogen than the fresh catholyte did
     */
    public void restore(double nitrate, double ammonia, double nitrite) {
        double nitrogen = nitrate + ammonia + nitrite;
        if (nitrogen > freshNitrateMoles * (1 + 1e-9)) {
            throw new IllegalArgumentException("catholyte state holds " + nitrogen + " mol of N but the fresh catholyte has "
                    + freshNitrateMoles + " mol; the state belongs to another cell");
        }
        nitrateMoles = nitrate;
        ammoniaMoles = ammonia;
        nitriteMoles = nitrite;
    }

    /** Nitrate left as a fraction of fresh electrolyte; mass-transport limits scale with it. */
    public double nitrateFraction() {
        return freshNitrateMoles == 0 ? 0.0 : nitrateMoles / freshNitrateMoles;
    }

    @Override
    public double volumeLitres() {
        return volumeLitres;
    }

    @Override
    public double nitrateMoles() {
        return nitrateMoles;
    }

    @Override
    public double ammoniaMoles() {
        return ammoniaMoles;
    }

    @Override
    public double nitriteMoles() {
        return nitriteMoles;
    }
}
