package org.no3rr.engine;

/** Something that happened in a run that a person will want to see in the run's history. */
public sealed interface EngineEvent {

    long epochMillis();

    /** A step began. {@code stepNumber} counts every step executed (1, 2, …); {@code stepIndex} is its line in the protocol. */
    record StepStarted(long epochMillis, int stepNumber, int stepIndex, int cycle, String text) implements EngineEvent {
    }

    /** A step ended; {@code reason} says which end was met, e.g. "0.8 V cut-off reached at 0.7994 V". */
    record StepEnded(long epochMillis, int stepNumber, String reason) implements EngineEvent {
    }

    /** An {@code Ask} step waits for a person's answer; the channel is in its safe state meanwhile. */
    record PromptRaised(long epochMillis, String prompt) implements EngineEvent {
    }

    /** A person answered an {@code Ask} after waiting {@code waitedMillis}; the run carries on. */
    record PromptAnswered(long epochMillis, String prompt, String answer, long waitedMillis) implements EngineEvent {
    }

    /** The station restarted and the run carries on from its stored state (see {@link Engine#resume}). */
    record RunResumed(long epochMillis, int stepNumber, int cycle) implements EngineEvent {
    }

    /** The protocol ran to its end, or a run-level stop condition was met. */
    record RunFinished(long epochMillis, String reason) implements EngineEvent {
    }

    /** A safety limit was breached or the hardware failed; the channel is in its safe state. */
    record RunFaulted(long epochMillis, String reason) implements EngineEvent {
    }
}
