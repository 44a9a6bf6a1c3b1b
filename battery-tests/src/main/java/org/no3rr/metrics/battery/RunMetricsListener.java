package org.no3rr.metrics.battery;

import org.no3rr.metrics.StepSummary;

/** Receives summaries as a {@link RunMetricsAccumulator} closes steps and cycles. Both default to doing nothing. */
public interface RunMetricsListener {

    default void stepCompleted(StepSummary step) {
    }

    default void cycleCompleted(CycleSummary cycle) {
    }
}
