package org.no3rr.station.messaging;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the database currently accepts samples. While it does not (a full disk, a broken file),
 * the writer keeps retrying the failed batch and every running channel pauses in its safe state;
 * when a batch commits again, the channels go on by themselves.
 */
@ApplicationScoped
public class StorageStatus {

    private volatile String failure;

    /** Null while storage works; otherwise what went wrong. */
    public String failure() {
        return failure;
    }

    public boolean isFailing() {
        return failure != null;
    }

    void failing(String reason) {
        failure = reason;
    }

    void recovered() {
        failure = null;
    }
}
