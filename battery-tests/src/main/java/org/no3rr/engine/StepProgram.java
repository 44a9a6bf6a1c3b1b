package org.no3rr.engine;

import java.util.function.LongFunction;

/**
 * What a driven step commands over its own time: a sequence of {@code levelCount} setpoints, each
 * held for {@code levelMillis} — one level for a constant step (held until an end is met), many for
 * a staircase (polarization) or a potential sweep approximated by 1 mV stairs. The setpoint in force
 * is a function of the step's elapsed time only, which keeps the engine pure and makes resuming exact
 * — except for a regulated step, whose current the engine sets from each reading ({@link Regulator}).
 *
 * @param levelCount  number of setpoints, at least 1
 * @param levelMillis    how long each is held; {@link Long#MAX_VALUE} for a constant step
 * @param commands       the hardware command of level k
 * @param readEachLevel  whether each new level is read at once, like a step's start: true for a
 *                       staircase of distinct setpoints (a polarization), whose charge the trapezoid
 *                       rule would smear across each jump; false for the fine stairs that approximate
 *                       a potential ramp, where a reading per stair already follows the ramp
 * @param regulated      for a step whose current follows its readings (CV, CCCV, constant power or
 *                       resistance), what it regulates; null for every other step
 */
record StepProgram(long levelCount, long levelMillis, LongFunction<Command> commands, boolean readEachLevel,
                   Regulated regulated) {

    StepProgram(long levelCount, long levelMillis, LongFunction<Command> commands, boolean readEachLevel) {
        this(levelCount, levelMillis, commands, readEachLevel, null);
    }

    static StepProgram constant(Command command) {
        return new StepProgram(1, Long.MAX_VALUE, level -> command, false);
    }

    /** A step whose current the engine sets from its readings; its commands come from the {@link Regulation}. */
    static StepProgram regulated(Regulated regulated) {
        return new StepProgram(1, Long.MAX_VALUE, level -> {
            throw new IllegalStateException("a regulated step's current follows its readings, not its time");
        }, false, regulated);
    }

    boolean isRegulated() {
        return regulated != null;
    }

    /**
     * A step whose current follows its readings: {@code target} is met at every reading — after, for
     * CCCV, a constant-current phase at {@code constantAmps} that lasts until the cell voltage
     * reaches {@code switchVolts} (falling to it on a discharge). {@code constantAmps} is NaN when
     * the step regulates from its start.
     */
    record Regulated(Regulator target, double constantAmps, double switchVolts, boolean switchFalling) {

        static Regulated from(Regulator target) {
            return new Regulated(target, Double.NaN, Double.NaN, false);
        }

        boolean startsConstant() {
            return !Double.isNaN(constantAmps);
        }

        boolean switchesAt(double volts) {
            return switchFalling ? volts <= switchVolts : volts >= switchVolts;
        }
    }

    boolean isConstant() {
        return levelMillis == Long.MAX_VALUE;
    }

    Command command(long level) {
        return commands.apply(level);
    }

    long levelAt(long elapsedMillis) {
        return isConstant() ? 0 : Math.min(Math.max(0, elapsedMillis) / levelMillis, levelCount - 1);
    }

    /** When the program is complete by itself: after its last level; never for a constant step. */
    long naturalDurationMillis() {
        return isConstant() ? Long.MAX_VALUE : levelCount * levelMillis;
    }

    /** Elapsed time of the next setpoint change after {@code elapsedMillis}. */
    long nextLevelChangeAfter(long elapsedMillis) {
        return isConstant() ? Long.MAX_VALUE : (Math.max(0, elapsedMillis) / levelMillis + 1) * levelMillis;
    }
}
