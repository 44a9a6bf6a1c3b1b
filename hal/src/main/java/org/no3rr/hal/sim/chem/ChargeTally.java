package org.no3rr.hal.sim.chem;

/**
 * The true charge that passed through a cell in each direction, in C, kept as two magnitudes so
 * that neither hides the other in a net sum.
 */
public final class ChargeTally {

    private double positiveCoulombs;
    private double negativeCoulombs;

    /** Adds {@code amps} flowing for {@code seconds}; positive is anodic at the working / positive electrode. */
    public void add(double amps, double seconds) {
        if (amps > 0) {
            positiveCoulombs += amps * seconds;
        } else {
            negativeCoulombs -= amps * seconds;
        }
    }

    /** Sets both magnitudes from a snapshot, C. */
    public void restore(double positive, double negative) {
        positiveCoulombs = positive;
        negativeCoulombs = negative;
    }

    /** Charge passed with positive current (battery: charging; electrolysis: anodic at the WE), C. */
    public double positiveCoulombs() {
        return positiveCoulombs;
    }

    /** Magnitude of the charge passed with negative current (battery: discharging; electrolysis: cathodic), C. */
    public double negativeCoulombs() {
        return negativeCoulombs;
    }
}
