package org.no3rr.station.channel;

import org.no3rr.engine.EngineEvent;
import org.no3rr.station.store.RunState;
import org.no3rr.station.store.SampleRow;

/** What a runner reports as it goes; implemented by the service that persists and broadcasts it. */
public interface RunListener {

    void started(long runId, long epochMillis, boolean resumed);

    void engineEvent(long runId, EngineEvent event);

    /** A person answered the pending prompt; the run goes on. */
    void answered(long runId, long epochMillis, String answer);

    /** A non-final state change (paused, waiting, running again) or a final one with its reason. */
    void stateChanged(long runId, RunState state, long epochMillis, String reason);

    /**
     * A sample was handed to the writer (it counts as stored only once its batch commits). For
     * the live stream; runs on the runner's thread, so it must return at once.
     */
    default void sampleRecorded(String channelId, SampleRow sample) {
        // The run's history is stored by the writer, not here.
    }
}
