package org.no3rr.station.store;

/** The life of a run as the station sees it. */
public enum RunState {
    /** Accepted, waiting for its channel. */
    QUEUED,
    RUNNING,
    /** An {@code Ask} step waits for a person; the channel is in its safe state. */
    WAITING_FOR_ANSWER,
    /** Paused by a person or by a storage error; the channel is in its safe state. */
    PAUSED,
    DONE,
    /** Ended by a safety limit or a hardware failure; the reason is in {@code end_reason}. */
    FAULTED,
    /** Stopped by a person before its end. */
    STOPPED,
    /** Was running when the station stopped, and was not resumed. */
    INTERRUPTED;

    public boolean isFinal() {
        return this == DONE || this == FAULTED || this == STOPPED || this == INTERRUPTED;
    }

    /** States in which a run owns its channel. */
    public boolean occupiesChannel() {
        return this == RUNNING || this == WAITING_FOR_ANSWER || this == PAUSED;
    }
}
