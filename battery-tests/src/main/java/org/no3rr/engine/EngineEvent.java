package org.no3rr.engine;

/** Something that happened in a run that a person will want to see in the run's history. */
public sealed interface EngineEvent {

    long epochMillis();

    /** A driven step began. {@code stepNumber} counts driven steps (1, 2, …); {@code stepLine} is its protocol line. */
    record StepStarted(long epochMillis, int stepNumber, int stepLine, int cycle, String text) implements EngineEvent {
    }

    /** A step ended; {@code reason} says which end was met, e.g. "0.8 V cut-off reached at 0.7994 V". */
    record StepEnded(long epochMillis, int stepNumber, String reason) implements EngineEvent {
    }

    /** An {@code Ask} waits for a person's answer; the channel is safe and the step clock stands still. */
    record PromptRaised(long epochMillis, String prompt) implements EngineEvent {
    }

    /** A person answered an {@code Ask} after {@code waitedMillis}; the run carries on. */
    record PromptAnswered(long epochMillis, String prompt, String answer, long waitedMillis) implements EngineEvent {
    }

    /** The run paused (a person, or storage refusing samples); the channel is safe and the step clock stands still. */
    record Paused(long epochMillis, String reason) implements EngineEvent {
    }

    /**
     * The run carries on after a gap — a pause, a storage outage or a station restart. Nothing is
     * integrated across the gap and it is not step time.
     */
    record Resumed(long epochMillis, String reason) implements EngineEvent {
    }

    /** The run ended: DONE, STOPPED or FAULTED, and why. */
    record RunEnded(long epochMillis, RunState state, String reason) implements EngineEvent {
    }
}
