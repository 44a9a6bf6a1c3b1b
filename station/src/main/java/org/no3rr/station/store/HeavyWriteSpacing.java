package org.no3rr.station.store;

import java.util.concurrent.TimeUnit;

/**
 * Keeps the database's large writes that can wait — a paced fold of a whole block, a tidying step —
 * at least {@value #SPACING_SECONDS} s apart while samples come in, so no minute holds two of them:
 * each costs ≈ 1 kB/s over its minute on top of the journal's page a second (docs/storage.md).
 */
final class HeavyWriteSpacing {

    static final long SPACING_SECONDS = 75;
    private static final long SPACING_NANOS = TimeUnit.SECONDS.toNanos(SPACING_SECONDS);

    private long lastNanos;

    /** @param nowNanos the clock ({@link System#nanoTime}) when the store opens: the first may come a spacing later */
    HeavyWriteSpacing(long nowNanos) {
        this.lastNanos = nowNanos;
    }

    boolean allows(long nowNanos) {
        return nowNanos - lastNanos >= SPACING_NANOS;
    }

    void done(long nowNanos) {
        lastNanos = nowNanos;
    }
}
