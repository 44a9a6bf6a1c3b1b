package org.no3rr.engine;

/** Where a {@link RunDriver} sends what its engine decided: storage, history and live views. */
public interface RunSink {

    /**
     * Hands the decision's sample, summaries and state to storage, in order. A decision with a sample
     * may be refused while storage is known to fail: then nothing of it is stored and the driver
     * pauses the run from the state before it. Decisions without a sample are always taken (they are
     * small and stored once storage works again).
     *
     * @return false when refused
     */
    boolean store(Decision decision);

    /** Reports the decision's events and the run's new state to the history and the live views. */
    void announce(Decision decision);

    /** Whether storage refuses samples right now (e.g. a full disk); the run waits safely meanwhile. */
    boolean refusingSamples();

    /** Called after every reading: proof that the control loop is alive. */
    default void readingTaken(long epochMillis) {
    }
}
