package org.no3rr.protocol;

/**
 * What ends a step (as opposed to a {@link SafetyLimits safety limit}, which ends the run). A step
 * may have several; the first one met wins.
 */
public sealed interface StepEnd {

    /** The step ends when it has run this long. */
    record AfterTime(long millis) implements StepEnd {
    }

    /**
     * The step ends at a cell-voltage cut-off.
     *
     * @param volts   the cut-off in V
     * @param falling true when the step ends as the voltage falls to the cut-off (discharge), false
     *                when it rises to it (charge)
     */
    record AtVoltage(double volts, boolean falling) implements StepEnd {
    }

    /** The step ends when the magnitude of the charge it passed reaches this, in C (1 mAh = 3.6 C). */
    record AtCapacity(double coulombs) implements StepEnd {
    }
}
