package org.no3rr.protocol;

import java.util.List;
import java.util.Optional;
import org.no3rr.cell.CellMetadata;

/**
 * One line of a protocol, as data. Every step keeps the line it was written on and its original
 * text, so the station can show the researcher exactly what they wrote.
 *
 * <p>A step checks its own rules when it is made (a positive setpoint, the ends its kind accepts,
 * ranges), so a protocol read from text and one read from JSON obey the same rules. Setpoints are
 * magnitudes with a {@link Direction}; the methods that give the engine a setpoint in SI units
 * apply the station's sign: positive current (and power) charges the cell.
 */
public sealed interface Step {

    /** 1-based line of the protocol text. */
    int line();

    /** The line as written, without its indentation. */
    String text();

    /** What the step is (the one step vocabulary of the station). */
    StepKind kind();

    /** The same step written on another line with another text (a JSON step gets its canonical line). */
    Step withSource(int line, String text);

    /**
     * A step that drives the cell and is read while it runs. It ends at the first of its
     * {@link #ends()} to be met, or when its own program (a staircase, a sweep) is complete.
     */
    sealed interface Driven extends Step {

        List<StepEnd> ends();

        /** Recording rule for this step only; empty means the protocol's rule. */
        Optional<RecordRule> recording();
    }

    /** Which way a step drives the cell. Discharge is negative current, charge positive. */
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

        public StepKind kind() {
            return this == CHARGE ? StepKind.CHARGE : StepKind.DISCHARGE;
        }
    }

    /** {@code Rest for 10 min}: open circuit, recording the open-circuit voltage. */
    record Rest(int line, String text, List<StepEnd> ends, Optional<RecordRule> recording) implements Driven {
        public Rest {
            ends = EndRules.check(ends, EndRules.TIME, true, "a rest", CurrentStepReader.REST_EXAMPLE);
        }

        @Override
        public StepKind kind() {
            return StepKind.REST;
        }

        @Override
        public Rest withSource(int line, String text) {
            return new Rest(line, text, ends, recording);
        }
    }

    /**
     * {@code Discharge at 5 mA/cm2 until 0.8 V or 2 h}, {@code Charge at C/2 for 1 h}: galvanostatic;
     * {@code current} is a magnitude (absolute, per area or a C-rate).
     */
    record ConstantCurrent(int line, String text, Direction direction, Current current, List<StepEnd> ends,
                           Optional<RecordRule> recording) implements Driven {
        public ConstantCurrent {
            Magnitudes.requirePositive(current.value(), current.describe(), "current", direction,
                    CurrentStepReader.example(direction));
            ends = EndRules.check(ends, EndRules.DRIVEN, true, "a " + direction.written(),
                    CurrentStepReader.example(direction));
        }

        /** The setpoint in A with the station's sign: negative for a discharge. */
        public double amps(CellMetadata cell) {
            return direction.sign() * current.toAmps(cell);
        }

        @Override
        public StepKind kind() {
            return direction.kind();
        }

        @Override
        public ConstantCurrent withSource(int line, String text) {
            return new ConstantCurrent(line, text, direction, current, ends, recording);
        }
    }

    /**
     * {@code Charge at 1C until 4.2 V then hold until C/20}: constant current until the cell reaches
     * {@code volts}, then that voltage held. Its ends apply to the whole step (the time since the
     * step began, the charge of both phases); a current end can only be met while holding.
     */
    record ConstantCurrentConstantVoltage(int line, String text, Direction direction, Current current, double volts,
                                          List<StepEnd> ends, Optional<RecordRule> recording) implements Driven {
        public ConstantCurrentConstantVoltage {
            Magnitudes.requirePositive(current.value(), current.describe(), "current", direction,
                    VoltageStepReader.CCCV_EXAMPLE);
            Potential.requireWithinRange(volts, "the voltage to hold", VoltageStepReader.CCCV_EXAMPLE);
            ends = EndRules.check(ends, EndRules.VOLTAGE_HELD, true, "a constant-current constant-voltage step",
                    VoltageStepReader.CCCV_EXAMPLE);
            Magnitudes.requireTaperBelow(current, ends);
        }

        /** The constant-current phase's setpoint in A with the station's sign. */
        public double amps(CellMetadata cell) {
            return direction.sign() * current.toAmps(cell);
        }

        /** Whether the constant-current phase ends as the voltage falls to {@link #volts()} (a discharge). */
        public boolean voltageFalls() {
            return direction == Direction.DISCHARGE;
        }

        @Override
        public StepKind kind() {
            return direction.kind();
        }

        @Override
        public ConstantCurrentConstantVoltage withSource(int line, String text) {
            return new ConstantCurrentConstantVoltage(line, text, direction, current, volts, ends, recording);
        }
    }

    /**
     * {@code Hold at 4.1 V until 50 mA}: the cell voltage held by the current source (a battery's
     * constant-voltage step; a potential vs a reference is a {@link Hold}).
     */
    record VoltageHold(int line, String text, double volts, List<StepEnd> ends, Optional<RecordRule> recording)
            implements Driven {
        public VoltageHold {
            Potential.requireWithinRange(volts, "a cell voltage", VoltageStepReader.HOLD_EXAMPLE);
            ends = EndRules.check(ends, EndRules.VOLTAGE_HELD, true, "a voltage hold", VoltageStepReader.HOLD_EXAMPLE);
        }

        @Override
        public StepKind kind() {
            return StepKind.VOLTAGE_HOLD;
        }

        @Override
        public VoltageHold withSource(int line, String text) {
            return new VoltageHold(line, text, volts, ends, recording);
        }
    }

    /** {@code Discharge at 2 W for 10 minutes}: constant power; {@code power} is a magnitude. */
    record ConstantPower(int line, String text, Direction direction, Power power, List<StepEnd> ends,
                         Optional<RecordRule> recording) implements Driven {
        public ConstantPower {
            Magnitudes.requirePositive(power.value(), power.describe(), "power", direction,
                    CurrentStepReader.POWER_EXAMPLE);
            ends = EndRules.check(ends, EndRules.DRIVEN, true, "a constant-power " + direction.written(),
                    CurrentStepReader.POWER_EXAMPLE);
        }

        /** The setpoint V·I in W with the station's sign: negative for a discharge (power leaving the cell). */
        public double watts(CellMetadata cell) {
            return direction.sign() * power.toWatts(cell);
        }

        @Override
        public StepKind kind() {
            return direction.kind();
        }

        @Override
        public ConstantPower withSource(int line, String text) {
            return new ConstantPower(line, text, direction, power, ends, recording);
        }
    }

    /**
     * {@code Discharge at 4 Ohm for 10 minutes}: the cell discharged through a constant resistance,
     * I = −V/R. A resistance cannot charge a cell, so this step is always a discharge.
     */
    record ConstantResistance(int line, String text, double ohms, List<StepEnd> ends, Optional<RecordRule> recording)
            implements Driven {
        public ConstantResistance {
            Magnitudes.requirePositive(ohms, Numbers.format(ohms) + " Ohm", "resistance", Direction.DISCHARGE,
                    CurrentStepReader.RESISTANCE_EXAMPLE);
            ends = EndRules.check(ends, EndRules.DRIVEN, true, "a constant-resistance discharge",
                    CurrentStepReader.RESISTANCE_EXAMPLE);
        }

        @Override
        public StepKind kind() {
            return StepKind.DISCHARGE;
        }

        @Override
        public ConstantResistance withSource(int line, String text) {
            return new ConstantResistance(line, text, ohms, ends, recording);
        }
    }

    /** {@code Hold at -0.1 V vs RHE for 1 h}: potentiostatic (chronoamperometry); it needs a time. */
    record Hold(int line, String text, Potential potential, List<StepEnd> ends, Optional<RecordRule> recording)
            implements Driven {
        public Hold {
            ends = EndRules.check(ends, EndRules.POTENTIAL_HELD, true, "a potential hold",
                    PotentialStepReader.HOLD_EXAMPLE);
            if (ends.stream().noneMatch(e -> e instanceof StepEnd.AfterTime)) {
                throw new LineProblem("a hold needs a time, so it cannot run forever", PotentialStepReader.HOLD_EXAMPLE);
            }
        }

        @Override
        public StepKind kind() {
            return StepKind.HOLD;
        }

        @Override
        public Hold withSource(int line, String text) {
            return new Hold(line, text, potential, ends, recording);
        }
    }

    /**
     * {@code Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 60 s each, until 0.2 V}: a discharge
     * staircase for the power-density curve; {@code from}, {@code to} and {@code increment} are
     * magnitudes of discharge current on one basis.
     */
    record Polarize(int line, String text, Current from, Current to, Current increment, long dwellMillis,
                    List<StepEnd> ends, Optional<RecordRule> recording) implements Driven {
        public Polarize {
            ends = EndRules.check(ends, EndRules.VOLTAGE, false, "a polarization", PolarizeReader.EXAMPLE);
            PolarizeReader.checkLevels(from, to, increment, dwellMillis);
        }

        /**
         * Number of current levels, {@code from} and the last level not beyond {@code to} included
         * (capped at {@link Integer#MAX_VALUE} for absurd inputs, which the parser refuses).
         */
        public long levelCount() {
            return levels(from, to, increment);
        }

        static long levels(Current from, Current to, Current increment) {
            return (long) Math.min(Math.floor((to.value() - from.value()) / increment.value() + 1e-9) + 1,
                    Integer.MAX_VALUE);
        }

        @Override
        public StepKind kind() {
            return StepKind.POLARIZATION;
        }

        @Override
        public Polarize withSource(int line, String text) {
            return new Polarize(line, text, from, to, increment, dwellMillis, ends, recording);
        }
    }

    /** {@code Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s}: a linear sweep (LSV). */
    record Sweep(int line, String text, Potential from, Potential to, double voltsPerSecond, List<StepEnd> ends,
                 Optional<RecordRule> recording) implements Driven {
        public Sweep {
            ends = EndRules.check(ends, EndRules.NONE, false, "a sweep", PotentialStepReader.SWEEP_EXAMPLE);
            PotentialStepReader.checkSweep(from, to, voltsPerSecond, 1, PotentialStepReader.SWEEP_EXAMPLE);
        }

        @Override
        public StepKind kind() {
            return StepKind.SWEEP;
        }

        @Override
        public Sweep withSource(int line, String text) {
            return new Sweep(line, text, from, to, voltsPerSecond, ends, recording);
        }
    }

    /**
     * {@code Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times}: cyclic voltammetry from
     * {@code first} to {@code second} and back, {@code cycles} times.
     */
    record CyclicVoltammetry(int line, String text, Potential first, Potential second, double voltsPerSecond,
                             int cycles, List<StepEnd> ends, Optional<RecordRule> recording) implements Driven {
        public CyclicVoltammetry {
            ends = EndRules.check(ends, EndRules.NONE, false, "a cyclic voltammetry", PotentialStepReader.CYCLE_EXAMPLE);
            Counts.within(cycles, 1, PotentialStepReader.MOST_CV_CYCLES, "the number of cycles",
                    PotentialStepReader.CYCLE_EXAMPLE);
            PotentialStepReader.checkSweep(first, second, voltsPerSecond, 2L * cycles, PotentialStepReader.CYCLE_EXAMPLE);
        }

        @Override
        public StepKind kind() {
            return StepKind.CYCLIC_VOLTAMMETRY;
        }

        @Override
        public CyclicVoltammetry withSource(int line, String text) {
            return new CyclicVoltammetry(line, text, first, second, voltsPerSecond, cycles, ends, recording);
        }
    }

    /** {@code Ask "Refresh the electrolyte"}: the channel goes safe and the run waits for a person. */
    record Ask(int line, String text, String prompt) implements Step {
        public Ask {
            prompt = AskReader.checkPrompt(prompt);
        }

        @Override
        public StepKind kind() {
            return StepKind.ASK;
        }

        @Override
        public Ask withSource(int line, String text) {
            return new Ask(line, text, prompt);
        }
    }

    /** {@code Repeat 50 times:} followed by an indented block of one or more steps. */
    record Repeat(int line, String text, int times, List<Step> steps) implements Step {
        public Repeat {
            Counts.within(times, 1, RepeatReader.MOST_TIMES, "the repeat count", RepeatReader.EXAMPLE);
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new LineProblem("a Repeat needs an indented block of steps below it",
                        RepeatReader.EXAMPLE + " followed by indented steps");
            }
        }

        @Override
        public StepKind kind() {
            return StepKind.REPEAT;
        }

        @Override
        public Repeat withSource(int line, String text) {
            return new Repeat(line, text, times, steps);
        }
    }
}
