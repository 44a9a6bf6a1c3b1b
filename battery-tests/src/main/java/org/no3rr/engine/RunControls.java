package org.no3rr.engine;

/** Where a {@link RunDriver} takes its {@link RunControl}s from. */
public interface RunControls {

    /**
     * The next control, waiting at most {@code timeoutMillis} (0: do not wait).
     *
     * @return null when none came
     */
    RunControl next(long timeoutMillis) throws InterruptedException;
}
