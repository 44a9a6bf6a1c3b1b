package org.no3rr.station.store;

import java.util.List;
import org.no3rr.engine.RunState;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;

/**
 * What one engine decision adds to a run, on its way to the database: stored in one transaction,
 * so the sample, the summaries it closes and the engine state it leads to are there together or
 * not at all.
 *
 * @param sample       the recorded sample, or null
 * @param closedSteps  steps the decision ended
 * @param closedCycles cycles the decision completed
 * @param engineState  the encoded engine state after the decision: what the run resumes from
 * @param state        the run's state after the decision
 * @param endReason    why the run ended, when {@code state} is final; else null
 * @param epochMillis  when the decision was made, on the channel's clock
 * @param events       what the decision did, for the run's history
 */
public record RunProgress(long runId, SampleRow sample, List<StepSummary> closedSteps, List<CycleSummary> closedCycles,
                          String engineState, RunState state, String endReason, long epochMillis,
                          List<DecisionEvent> events) {

    public RunProgress {
        closedSteps = List.copyOf(closedSteps);
        closedCycles = List.copyOf(closedCycles);
        events = List.copyOf(events);
    }

    /** A decision that raised no events. */
    public RunProgress(long runId, SampleRow sample, List<StepSummary> closedSteps, List<CycleSummary> closedCycles,
                       String engineState, RunState state, String endReason, long epochMillis) {
        this(runId, sample, closedSteps, closedCycles, engineState, state, endReason, epochMillis, List.of());
    }

    /** A sample alone, the run RUNNING: what most of a run's progress is. */
    public static RunProgress ofSample(SampleRow sample, String engineState) {
        return new RunProgress(sample.runId(), sample, List.of(), List.of(), engineState, RunState.RUNNING, null,
                sample.epochMillis());
    }

    public boolean hasSample() {
        return sample != null;
    }
}
