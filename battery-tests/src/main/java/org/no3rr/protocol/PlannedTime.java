package org.no3rr.protocol;

import java.util.List;

/**
 * How long a step is planned to run, as the protocol says: the earliest of its time ends, or its
 * own program (a staircase, a sweep) when that is shorter. Exact when nothing else can end it
 * earlier. An Ask takes no step time (waiting is not step time); a Repeat takes its block's time
 * its count of times. A plan too long to count in milliseconds is unknown.
 *
 * @param millis planned milliseconds, or null when no time bounds the step
 * @param exact  whether the step runs exactly that long
 */
record PlannedTime(Long millis, boolean exact) {

    static PlannedTime of(Step step) {
        if (step instanceof Step.Ask) {
            return new PlannedTime(0L, true);
        }
        if (step instanceof Step.Repeat repeat) {
            PlannedTime block = of(repeat.steps());
            if (block.millis() == null) {
                return block;
            }
            try {
                return new PlannedTime(Math.multiplyExact(block.millis(), (long) repeat.times()), block.exact());
            } catch (ArithmeticException beyondAnyRun) {
                return new PlannedTime(null, false);
            }
        }
        Step.Driven driven = (Step.Driven) step;
        Long bound = programMillis(driven);
        boolean onlyTimeEnds = true;
        for (StepEnd end : driven.ends()) {
            if (end instanceof StepEnd.AfterTime time) {
                bound = bound == null ? time.millis() : Math.min(bound, time.millis());
            } else {
                onlyTimeEnds = false;
            }
        }
        return new PlannedTime(bound, bound != null && onlyTimeEnds);
    }

    /** The sum over steps run one after the other; unknown if any is unknown. */
    static PlannedTime of(List<Step> steps) {
        long sum = 0;
        boolean exact = true;
        for (Step step : steps) {
            PlannedTime plan = of(step);
            if (plan.millis() == null) {
                return new PlannedTime(null, false);
            }
            try {
                sum = Math.addExact(sum, plan.millis());
            } catch (ArithmeticException beyondAnyRun) {
                return new PlannedTime(null, false);
            }
            exact &= plan.exact();
        }
        return new PlannedTime(sum, exact);
    }

    /** How long the step's own program runs, or null for a step that runs until one of its ends. */
    private static Long programMillis(Step.Driven step) {
        if (step instanceof Step.Polarize p) {
            return p.levelCount() * p.dwellMillis();
        }
        if (step instanceof Step.Sweep s) {
            return Math.round(Math.abs(s.to().volts() - s.from().volts()) / s.voltsPerSecond() * 1000);
        }
        if (step instanceof Step.CyclicVoltammetry cv) {
            return Math.round(2 * cv.cycles() * Math.abs(cv.second().volts() - cv.first().volts())
                    / cv.voltsPerSecond() * 1000);
        }
        return null;
    }
}
