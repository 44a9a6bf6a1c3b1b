package org.no3rr.station.channel;

import org.no3rr.engine.EngineState;
import org.no3rr.engine.RunState;
import org.no3rr.hal.Measurement;

/**
 * What a channel's run is doing right now, as last seen by its runner. Immutable; replaced after
 * every decision.
 *
 * @param state            the run's state
 * @param engine           the engine state of the last decision (step, step time, totals so far), or
 *                         null before the first one
 * @param lastMeasurement  the latest reading, or null before the first one
 * @param samplesRecorded  samples handed to storage so far
 */
public record LiveStatus(long runId, RunState state, EngineState engine, Measurement lastMeasurement,
                         long samplesRecorded) {

    /** Whether a step is known (the run has begun one). */
    public boolean inStep() {
        return engine != null && engine.stepNumber() > 0;
    }

    /** The pending question, or null. */
    public String prompt() {
        return engine == null ? null : engine.pendingPrompt();
    }
}
