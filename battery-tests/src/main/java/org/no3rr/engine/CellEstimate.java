package org.no3rr.engine;

/**
 * What the engine knows of the cell's electrical behaviour right now: its last reading, its
 * incremental resistance dV/dI, and how fast its source voltage E = V − R·I moves by itself (its
 * state of charge, its concentrations) from one reading to the next. Around the last reading the
 * cell is modelled as that moving source behind that resistance — at the next reading,
 * V(I) ≈ V_k + drift + R·(I − I_k) — which is all a regulated step needs to pick its next current
 * ({@link Regulator}); the drift keeps the step from lagging a reading behind a cell whose voltage
 * falls fast, as at the end of a discharge.
 *
 * <p>The resistance is learnt from two consecutive readings of one running segment whose currents
 * differ enough to make the voltage difference meaningful — a step's start after a rest, a
 * regulated step's correction — as their secant ΔV/ΔI. It carries over from step to step; a gap
 * (pause, prompt, restart) forgets the last reading, since the cell has relaxed meanwhile, but not
 * the resistance.
 *
 * @param volts the last reading's cell voltage, NaN when there is none
 * @param amps  the last reading's current
 * @param ohms  the incremental resistance, NaN until a secant has been measured
 * @param drift the change of the source voltage between the last two readings, V; 0 when unknown
 */
record CellEstimate(double volts, double amps, double ohms, double drift) {

    static final CellEstimate UNKNOWN = new CellEstimate(Double.NaN, 0.0, Double.NaN, 0.0);

    /** Below this the secant is not trusted: a resistance that small is a measuring artefact. */
    private static final double LEAST_OHMS = 1e-3;

    boolean hasReading() {
        return Double.isFinite(volts);
    }

    boolean knowsResistance() {
        return Double.isFinite(ohms);
    }

    /**
     * This estimate after one more reading (a reading after a gap has no last one to compare with).
     *
     * @param leastStepAmps the smallest current change from which a secant is measured
     */
    CellEstimate observe(double readVolts, double readAmps, double leastStepAmps) {
        if (!Double.isFinite(readVolts) || !Double.isFinite(readAmps)) {
            return this;
        }
        if (!hasReading()) {
            return new CellEstimate(readVolts, readAmps, ohms, 0.0);
        }
        double resistance = ohms;
        double stepAmps = readAmps - amps;
        if (Math.abs(stepAmps) >= leastStepAmps) {
            double secant = (readVolts - volts) / stepAmps;
            if (secant >= LEAST_OHMS && Double.isFinite(secant)) {
                resistance = secant;
            }
        }
        double moved = Double.isFinite(resistance) ? (readVolts - volts) - resistance * stepAmps : 0.0;
        return new CellEstimate(readVolts, readAmps, resistance, moved);
    }

    /** The source voltage expected at the next reading, E = V_k − R·I_k + drift (R taken as 0 while unknown). */
    double nextSourceVolts() {
        return volts - (knowsResistance() ? ohms : 0.0) * amps + drift;
    }

    /** After a gap: the resistance stays, the last reading and the drift are stale. */
    CellEstimate forgetReading() {
        return new CellEstimate(Double.NaN, 0.0, ohms, 0.0);
    }
}
