package org.no3rr.engine;

/**
 * The target of a regulated step, which the engine meets by setting the current source anew at
 * every reading: a cell voltage (a constant-voltage hold, the second phase of CCCV), a power, or a
 * resistance. The current always stays within the step's bounds (the channel's rating and the
 * protocol's current limits, and the step's own direction).
 *
 * <p>A power or a resistance is met on the cell's model for the next reading,
 * V(I) ≈ E + R·I with E = V_k − R·I_k + drift ({@link CellEstimate}): a Newton step on the real cell,
 * which its own weak feedback (R·I is small beside V) keeps stable. A voltage hold is an integral
 * loop, I_{k+1} = I_k + (V_set − V_k)/R_loop, whose loop resistance is tuned from the errors it
 * sees ({@link Regulation#tuned}) — a cell's incremental resistance grows several-fold as its
 * current falls, which a fixed R_loop would answer with an oscillation.
 *
 * <p>{@link #met} says when a reading is close enough to the target to end the settling that begins
 * a regulated phase (see {@link Engine}): 1 mV for a voltage, 0.2 % for a power or a resistance.
 */
sealed interface Regulator {

    /**
     * The current, in A with the station's sign, that meets the target according to {@code cell};
     * {@code loopOhms} is a voltage hold's loop resistance (the other targets ignore it).
     */
    double amps(CellEstimate cell, double loopOhms);

    /** Whether a reading meets the target within the settling tolerance. */
    boolean met(double volts, double amps);

    /** The loop resistance a voltage hold starts with; NaN for the targets that need none. */
    default double startingLoopOhms(CellEstimate cell) {
        return Double.NaN;
    }

    /** A voltage hold's error at a reading, V_set − V; NaN for the targets whose loop needs no tuning. */
    default double errorVolts(double volts) {
        return Double.NaN;
    }

    /** The settling tolerance of a power or a resistance, relative. */
    double RELATIVE_TOLERANCE = 0.002;

    /** The settling tolerance of a voltage, in V; also the error below which a hold's loop is not tuned. */
    double VOLTAGE_TOLERANCE = 0.001;

    private static double within(double amps, double low, double high) {
        return Math.max(low, Math.min(high, amps));
    }

    /**
     * Holds the cell voltage at {@code volts}.
     *
     * @param fallbackOhms the loop resistance while the cell's is not measured yet: the channel's
     *                     voltage window over its current rating, larger than any cell it can drive,
     *                     so the first corrections fall short rather than overshoot
     */
    record CellVoltage(double volts, double lowAmps, double highAmps, double fallbackOhms) implements Regulator {
        @Override
        public double amps(CellEstimate cell, double loopOhms) {
            if (!cell.hasReading()) {
                return within(0.0, lowAmps, highAmps);
            }
            return within(cell.amps() + (volts - cell.volts()) / loopOhms, lowAmps, highAmps);
        }

        @Override
        public boolean met(double readVolts, double readAmps) {
            return Math.abs(readVolts - volts) <= VOLTAGE_TOLERANCE;
        }

        @Override
        public double startingLoopOhms(CellEstimate cell) {
            return cell.knowsResistance() ? cell.ohms() : fallbackOhms;
        }

        @Override
        public double errorVolts(double readVolts) {
            return volts - readVolts;
        }
    }

    /**
     * Keeps V·I at {@code watts} (negative for a discharge): on the model, (E + R·I)·I = P with
     * E = V_k − R·I_k + drift, whose root nearer zero is I = 2P / (E + √(E² + 4RP)) — the cell's stable
     * branch, and P/E when R is not known yet. A power beyond what the cell can give (E² + 4RP < 0)
     * gets the current of the cell's peak power, −E/2R.
     */
    record Power(double watts, double lowAmps, double highAmps) implements Regulator {
        @Override
        public double amps(CellEstimate cell, double loopOhms) {
            if (!cell.hasReading()) {
                return within(0.0, lowAmps, highAmps);
            }
            double ohms = cell.knowsResistance() ? cell.ohms() : 0.0;
            double source = cell.nextSourceVolts();
            double discriminant = source * source + 4 * ohms * watts;
            if (discriminant < 0) {
                return within(-source / (2 * ohms), lowAmps, highAmps);
            }
            double denominator = source + Math.sqrt(discriminant);
            return denominator > 0 ? within(2 * watts / denominator, lowAmps, highAmps) : within(0.0, lowAmps, highAmps);
        }

        @Override
        public boolean met(double readVolts, double readAmps) {
            return Math.abs(readVolts * readAmps - watts) <= RELATIVE_TOLERANCE * Math.abs(watts);
        }
    }

    /**
     * Discharges the cell through {@code ohms}: V = −I·R_load, so on the model
     * I = −E / (R + R_load).
     */
    record Resistance(double ohms, double lowAmps, double highAmps) implements Regulator {
        @Override
        public double amps(CellEstimate cell, double loopOhms) {
            if (!cell.hasReading()) {
                return within(0.0, lowAmps, highAmps);
            }
            double cellOhms = cell.knowsResistance() ? cell.ohms() : 0.0;
            double source = cell.nextSourceVolts();
            return within(-source / (cellOhms + ohms), lowAmps, highAmps);
        }

        @Override
        public boolean met(double readVolts, double readAmps) {
            return Math.abs(readVolts + readAmps * ohms) <= RELATIVE_TOLERANCE * Math.abs(readAmps) * ohms;
        }
    }
}
