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
    /**
     * Bytes moved per tidying step while samples come in, one step a {@code compactEveryNanos} at most and
     * never within {@link HeavyWriteSpacing} of a fold: moving chunks writes them twice, each time
     * twice (staging log and file), with H2's metadata — 32 kB cost ≈ 110 kB, 1.8 kB/s over its
     * minute. Holes left meanwhile are reused by new chunks; the file is tidied for good once the
     * samples stop ({@link #BYTES_QUIET}).
     */
    static final int BYTES_RECORDING = 16 * 1024;
    static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(30);
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
     * counts as taken once this returns its bytes). While samples come in, a step waits until
     * {@code spacing} allows a large write, and counts as one.
     */
    int bytesDue(long nowNanos, HeavyWriteSpacing spacing) {
        if (nowNanos - lastBatchNanos > QUIET_NANOS) {
            lastStepNanos = nowNanos;
            return BYTES_QUIET;
        }
        if (nowNanos - lastStepNanos <= everyNanos || !spacing.allows(nowNanos)) {
            return 0;
        }
        lastStepNanos = nowNanos;
        spacing.done(nowNanos);
        return BYTES_RECORDING;
    }
}
