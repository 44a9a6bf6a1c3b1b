package org.no3rr.engine;

import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.Measurement;

/**
 * The loop of a regulated step (a cell-voltage hold, CCCV, a constant power or resistance; see
 * {@link Engine}'s class comment): the current it begins with, whether a reading only settles it on
 * its {@link Regulator target}, and the correction each reading brings. Pure, like the engine, which
 * turns a {@link Correction} into its command and its next reading.
 */
final class RegulatedPhase {

    /** How many readings a regulated step may take at once to settle on its target before it records. */
    static final int MOST_SETTLING_READINGS = 8;

    /** A regulated step learns the cell's resistance from current changes of at least 1 % of the rating. */
    private final double leastStepAmps;
    /** A regulated step changes its current only by more than the channel can resolve. */
    private final double deadBandAmps;

    /**
     * Where a regulated step stands after a reading.
     *
     * @param apply      whether its current is to be applied now
     * @param readAtOnce whether the next reading is due at once (it settles)
     */
    record Correction(Regulation regulation, boolean apply, boolean readAtOnce) {
    }

    RegulatedPhase(ChannelRatings ratings) {
        this.leastStepAmps = 0.01 * ratings.maxCurrentAmps();
        this.deadBandAmps = ratings.currentResolutionAmps();
    }

    /** What the cell's resistance is believed to be after the reading. */
    CellEstimate learn(CellEstimate cell, Measurement m) {
        return cell.observe(m.voltage(), m.current(), leastStepAmps);
    }

    /** What a regulated step begins with: its constant current (CCCV), or its target's current from the last reading. */
    Regulation first(StepProgram.Regulated plan, CellEstimate cell) {
        return plan.startsConstant() ? Regulation.constantCurrent(plan.constantAmps()) : beginRegulating(plan, cell);
    }

    /** After a gap: the same current, settling again. */
    Regulation resumed(Regulation regulation) {
        return regulation.resumed(MOST_SETTLING_READINGS);
    }

    private static Regulation beginRegulating(StepProgram.Regulated plan, CellEstimate cell) {
        double loopOhms = plan.target().startingLoopOhms(cell);
        return Regulation.begin(plan.target().amps(cell, loopOhms), loopOhms, MOST_SETTLING_READINGS);
    }

    /** The command the reading was taken under: a regulated step's last current, else its program's level. */
    static Command setpointInForce(EngineState state, StepProgram program) {
        return program.isRegulated() ? new Command.ApplyCurrent(state.regulation().amps())
                : program.command(state.level());
    }

    /** Whether this reading only settles a regulated step on its target: not recorded, no step time. */
    static boolean settling(EngineState state, StepProgram program, Measurement m) {
        Regulation r = state.regulation();
        return program.isRegulated() && r.regulating() && r.settlingLeft() > 0
                && !program.regulated().target().met(m.voltage(), m.current());
    }

    /** One settling correction, applied and read again at once. */
    Correction settle(Regulation regulation, Regulator target, CellEstimate cell, double volts) {
        Regulation r = regulation.tuned(target.errorVolts(volts));
        return new Correction(r.commanding(target.amps(cell, r.loopOhms()), r.settlingLeft() - 1), true, true);
    }

    /**
     * After a recorded reading of a regulated step: CCCV's constant-current phase switches to its
     * hold once the voltage is reached (and settles at once); a regulating step sets the current its
     * target asks for, when that differs from the present one by more than the channel resolves.
     */
    Correction afterReading(Regulation regulation, StepProgram.Regulated plan, CellEstimate cell, double volts) {
        if (!regulation.regulating()) {
            return plan.switchesAt(volts) ? new Correction(beginRegulating(plan, cell), true, true)
                    : new Correction(regulation, false, false);
        }
        Regulation r = regulation.tuned(plan.target().errorVolts(volts));
        double amps = plan.target().amps(cell, r.loopOhms());
        if (Math.abs(amps - r.amps()) > deadBandAmps) {
            return new Correction(r.commanding(amps, 0), true, false);
        }
        return new Correction(r, false, false);
    }
}
