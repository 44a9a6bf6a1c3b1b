package org.no3rr.engine;

import java.util.function.LongFunction;

/**
 * What a driven step commands over its own time: a sequence of {@code levelCount} setpoints, each
 * held for {@code levelMillis} — one level for a constant step (held until an end is met), many for
 * a staircase (polarization) or a potential sweep approximated by 1 mV stairs. The setpoint in force
 * is a function of the step's elapsed time only, which keeps the engine pure and makes resuming exact.
 *
 * @param levelCount  number of setpoints, at least 1
 * @param levelMillis    how long each is held; {@link Long#MAX_VALUE} for a constant step
 * @param commands       the hardware command of level k
 * @param readEachLevel  whether each new level is read at once, like a step's start: true for a
 *                       staircase of distinct setpoints (a polarization), whose charge the trapezoid
 *                       rule would smear across each jump; false for the fine stairs that approximate
 *                       a potential ramp, where a reading per stair already follows the ramp
 */
record StepProgram(long levelCount, long levelMillis, LongFunction<Command> commands, boolean readEachLevel) {

    static StepProgram constant(Command command) {
        return new StepProgram(1, Long.MAX_VALUE, level -> command, false);
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
