package org.no3rr.metrics.electrolysis;

import org.no3rr.metrics.Arguments;

/**
 * The current density of a cyclic voltammogram at one potential, on its positive-going (anodic) and
 * negative-going (cathodic) sweeps — the j_a and j_c of a double-layer capacitance measurement,
 * read at a fixed potential in the non-Faradaic window ({@link DoubleLayerCapacitance}).
 *
 * <p>Each time consecutive samples bracket the potential E* (E_a &lt; E* ≤ E_b going up, E_a &gt;
 * E* ≥ E_b going down), j is interpolated linearly in E between them. The last crossing of each
 * direction is kept: a CV's first sweep still charges the double layer from the rest potential, and
 * later cycles are the settled ones. Samples are taken one at a time, so a CV of any length needs
 * no memory.
 */
public final class VoltammogramCrossing {

    private final double potentialV;
    private double lastPotentialV = Double.NaN;
    private double lastCurrentDensity = Double.NaN;
    private double anodic = Double.NaN;
    private double cathodic = Double.NaN;
    private int anodicCrossings;
    private int cathodicCrossings;

    /** @param potentialV E*, on the same scale as the potentials that will be added */
    public VoltammogramCrossing(double potentialV) {
        this.potentialV = Arguments.requireFinite("potentialV", potentialV);
    }

    /** The next sample of the voltammogram: its potential and current density (any unit; returned in it). */
    public void add(double potentialV, double currentDensity) {
        Arguments.requireFinite("potentialV", potentialV);
        Arguments.requireFinite("currentDensity", currentDensity);
        double previous = lastPotentialV;
        if (previous < this.potentialV && this.potentialV <= potentialV) {
            anodic = interpolate(previous, lastCurrentDensity, potentialV, currentDensity);
            anodicCrossings++;
        } else if (previous > this.potentialV && this.potentialV >= potentialV) {
            cathodic = interpolate(previous, lastCurrentDensity, potentialV, currentDensity);
            cathodicCrossings++;
        }
        lastPotentialV = potentialV;
        lastCurrentDensity = currentDensity;
    }

    /** j on the last positive-going crossing; NaN if the potential was never crossed going up. */
    public double anodicCurrentDensity() {
        return anodic;
    }

    /** j on the last negative-going crossing; NaN if the potential was never crossed going down. */
    public double cathodicCurrentDensity() {
        return cathodic;
    }

    public int anodicCrossings() {
        return anodicCrossings;
    }

    public int cathodicCrossings() {
        return cathodicCrossings;
    }

    private double interpolate(double e0, double j0, double e1, double j1) {
        return j0 + (j1 - j0) * (potentialV - e0) / (e1 - e0);
    }
}
