package org.no3rr.station.store;

import java.util.concurrent.TimeUnit;

/**
 * When the database file is tidied, and how much at a time: little while samples come in, so the
 * write rate stays near the journal's page a second; freely once they stop. (H2 tidies its file only
 * in the background thread that {@code WRITE_DELAY=0} switches off: {@link DatabaseSync#compact}.)
 */
final class CompactionPacing {

    /** The database file is tidied while less than this percentage of it is live. */
    static final int FILL_RATE = 90;
    /** Bytes moved per tidying step while samples come in, one step a {@code compactEveryNanos}: ≤ 1 kB/s. */
    static final int BYTES_RECORDING = 64 * 1024;
    static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** … and per step (one a second) once no batch has come for {@link #QUIET_NANOS}. */
    static final int BYTES_QUIET = 4 << 20;
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final long everyNanos;
    private long lastBatchNanos;
    private long lastStepNanos;

    /**
     * @param everyNanos how often the file is tidied a step while samples come in
     * @param nowNanos   the clock ({@link System#nanoTime}) when the store opens
     */
    CompactionPacing(long everyNanos, long nowNanos) {
        this.everyNanos = everyNanos;
        this.lastBatchNanos = nowNanos;
        this.lastStepNanos = nowNanos;
    }

    /** A batch came in at {@code nowNanos}. */
    void batchArrived(long nowNanos) {
        lastBatchNanos = nowNanos;
    }

    /**
     * Called at each sync: the bytes to move in a tidying step now, or 0 if no step is due (a step
     * counts as taken once this returns its bytes).
     */
    int bytesDue(long nowNanos) {
        boolean quiet = nowNanos - lastBatchNanos > QUIET_NANOS;
        if (!quiet && nowNanos - lastStepNanos <= everyNanos) {
            return 0;
        }
        lastStepNanos = nowNanos;
        return quiet ? BYTES_QUIET : BYTES_RECORDING;
    }
}
