package org.no3rr.protocol;

import java.util.List;
import java.util.Optional;

/**
 * One line of a protocol, as data. Every step keeps the line it was written on and its original
 * text, so the station can show the researcher exactly what they wrote.
 */
public sealed interface Step {

    /** 1-based line of the protocol text. */
    int line();

    /** The line as written, without its indentation. */
    String text();

    /** What the step is (the one step vocabulary of the station). */
    StepKind kind();

    /**
     * A step that drives the cell and is read while it runs. It ends at the first of its
     * {@link #ends()} to be met, or when its own program (a staircase, a sweep) is complete.
     */
    sealed interface Driven extends Step {

        List<StepEnd> ends();

        /** Recording rule for this step only; empty means the protocol's rule. */
        Optional<RecordRule> recording();
    }

    /** Which way a galvanostatic step drives the cell. Discharge is negative current. */
    enum Direction {
        DISCHARGE(-1, "discharge"), CHARGE(+1, "charge");

        private final int sign;
        private final String written;

        Direction(int sign, String written) {
            this.sign = sign;
            this.written = written;
        }

        public int sign() {
            return sign;
        }

        public String written() {
            return written;
        }
    }

    /** {@code Rest for 10 min}: open circuit, recording the open-circuit voltage. */
    record Rest(int line, String text, List<StepEnd> ends, Optional<RecordRule> recording) implements Driven {
        @Override
        public StepKind kind() {
            return StepKind.REST;
        }

        public Rest {
            ends = List.copyOf(ends);
        }
    }

    /** {@code Discharge at 5 mA/cm2 until 0.8 V or 2 h}: galvanostatic; {@code current} is a magnitude. */
    record ConstantCurrent(int line, String text, Direction direction, Current current, List<StepEnd> ends,
                           Optional<RecordRule> recording) implements Driven {
        @Override
        public StepKind kind() {
            return direction == Direction.CHARGE ? StepKind.CHARGE : StepKind.DISCHARGE;
        }

        public ConstantCurrent {
            ends = List.copyOf(ends);
        }
    }

    /** {@code Hold at -0.1 V vs RHE for 1 h}: potentiostatic (chronoamperometry). */
    record Hold(int line, String text, Potential potential, List<StepEnd> ends, Optional<RecordRule> recording)
            implements Driven {
        @Override
        public StepKind kind() {
            return StepKind.HOLD;
        }

        public Hold {
            ends = List.copyOf(ends);
        }
    }

    /**
     * {@code Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 60 s each, until 0.2 V}: a discharge
     * staircase for the power-density curve; {@code from}, {@code to} and {@code increment} are
     * magnitudes of discharge current.
     */
    record Polarize(int line, String text, Current from, Current to, Current increment, long dwellMillis,
                    List<StepEnd> ends, Optional<RecordRule> recording) implements Driven {
        @Override
        public StepKind kind() {
            return StepKind.POLARIZATION;
        }

        public Polarize {
            ends = List.copyOf(ends);
        }

        /**
         * Number of current levels, {@code from} and the last level not beyond {@code to} included
         * (capped at {@link Integer#MAX_VALUE} for absurd inputs, which the parser refuses).
         */
        public long levelCount() {
            return (long) Math.min(Math.floor((to.value() - from.value()) / increment.value() + 1e-9) + 1,
                    Integer.MAX_VALUE);
        }
    }

    /** {@code Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s}: a linear sweep (LSV). */
    record Sweep(int line, String text, Potential from, Potential to, double voltsPerSecond, List<StepEnd> ends,
                 Optional<RecordRule> recording) implements Driven {
        @Override
        public StepKind kind() {
            return StepKind.SWEEP;
        }

        public Sweep {
            ends = List.copyOf(ends);
        }
    }

    /**
     * {@code Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times}: cyclic voltammetry from
     * {@code first} to {@code second} and back, {@code cycles} times.
     */
    record CyclicVoltammetry(int line, String text, Potential first, Potential second, double voltsPerSecond,
                             int cycles, List<StepEnd> ends, Optional<RecordRule> recording) implements Driven {
        @Override
        public StepKind kind() {
            return StepKind.CYCLIC_VOLTAMMETRY;
        }

        public CyclicVoltammetry {
            ends = List.copyOf(ends);
        }
    }

    /** {@code Ask "Refresh the electrolyte"}: the channel goes safe and the run waits for a person. */
    record Ask(int line, String text, String prompt) implements Step {
        @Override
        public StepKind kind() {
            return StepKind.ASK;
        }
    }

    /** {@code Repeat 50 times:} followed by an indented block. */
    record Repeat(int line, String text, int times, List<Step> steps) implements Step {
        @Override
        public StepKind kind() {
            return StepKind.REPEAT;
        }

        public Repeat {
            steps = List.copyOf(steps);
        }
    }
}
