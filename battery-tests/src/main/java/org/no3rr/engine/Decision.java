package org.no3rr.engine;

import java.util.List;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;

/**
 * What the engine decided: the new state, what to do, what happened, and what to store. The sample
 * and the summaries it closes belong together and are stored in one transaction.
 *
 * @param state               the engine's state after this decision; serialisable for resuming
 * @param commands            hardware commands to apply now, in order
 * @param events              what happened, for the run's history
 * @param sample              the reading to record, labelled with its step, or null
 * @param closedSteps         steps that ended with this decision (at most one)
 * @param closedCycles        cycles that completed with this decision (at most one)
 * @param nextReadingAtMillis when to take the next reading while RUNNING: at once when a step has
 *                            just begun or resumed, otherwise one interval on but never past the
 *                            step's time end or its next setpoint change
 */
public record Decision(EngineState state, List<Command> commands, List<EngineEvent> events,
                       RecordedSample sample, List<StepSummary> closedSteps, List<CycleSummary> closedCycles,
                       long nextReadingAtMillis) {

    public Decision {
        commands = List.copyOf(commands);
        events = List.copyOf(events);
        closedSteps = List.copyOf(closedSteps);
        closedCycles = List.copyOf(closedCycles);
    }

    /** A decision that changes nothing: the same state, nothing to do or store. */
    public static Decision unchanged(EngineState state, long nextReadingAtMillis) {
        return new Decision(state, List.of(), List.of(), null, List.of(), List.of(), nextReadingAtMillis);
    }

    public boolean recorded() {
        return sample != null;
    }

    /** Whether there is anything to store: a sample, a summary or a new state. */
    public boolean changes(EngineState before) {
        return sample != null || !closedSteps.isEmpty() || !closedCycles.isEmpty() || !state.equals(before);
    }
}
