package org.no3rr.station.channel;

import org.no3rr.engine.Decision;
import org.no3rr.station.store.SampleRow;

/** What a runner reports as it goes; implemented by the service that keeps the run's history. */
public interface RunListener {

    /** The runner began: a new run, or one carried on after a station restart. */
    void started(long runId, long epochMillis, boolean resumed);

    /**
     * The engine decided, and storage took the decision: its events happened and the run is in its
     * new state. {@code sample} is the decision's sample as it goes to storage, or null. Runs on the
     * runner's thread, so it must return quickly and never throw.
     */
    void decided(long runId, String channelId, Decision decision, SampleRow sample);
}
