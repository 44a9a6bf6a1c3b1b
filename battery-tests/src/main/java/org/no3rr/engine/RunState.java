package org.no3rr.engine;

/**
 * Where a run is in its life — the one run-state vocabulary of the station: the engine's state,
 * the stored run, the API, the live stream and the page all use these names.
 */
public enum RunState {
    /** Accepted, waiting for its channel. */
    QUEUED,
    /** Driving the cell and reading it. */
    RUNNING,
    /** An {@code Ask} waits for a person; the channel is in its safe state and the step clock stands still. */
    WAITING_FOR_ANSWER,
    /** Paused by a person or by a storage outage; the channel is safe and the step clock stands still. */
    PAUSED,
    /** The protocol ran to its end or a {@code Stop when} condition was met. */
    DONE,
    /** Stopped by a person before its end. */
    STOPPED,
    /** Ended by a breached rating or limit, or a hardware failure; the reason is stored with it. */
    FAULTED,
    /** Was active when the station stopped and was not resumed. */
    INTERRUPTED;

    public boolean isFinal() {
        return this == DONE || this == STOPPED || this == FAULTED || this == INTERRUPTED;
    }

    /** States in which a run owns its channel. */
    public boolean occupiesChannel() {
        return this == RUNNING || this == WAITING_FOR_ANSWER || this == PAUSED;
    }
}
