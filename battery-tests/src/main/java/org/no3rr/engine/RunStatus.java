package org.no3rr.engine;

/** Where a run is in its life. */
public enum RunStatus {
    RUNNING,
    /** An {@code Ask} step waits for an answer; the channel is safe. */
    WAITING_FOR_ANSWER,
    DONE,
    FAULTED;

    public boolean isFinal() {
        return this == DONE || this == FAULTED;
    }
}
