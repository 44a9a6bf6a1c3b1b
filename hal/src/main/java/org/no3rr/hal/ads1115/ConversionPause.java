package org.no3rr.hal.ads1115;

import java.util.concurrent.locks.LockSupport;

/**
 * How the driver waits for a single-shot conversion. Real hardware parks the thread; tests inject
 * a pause that only records what was asked, so no test ever sleeps.
 */
@FunctionalInterface
public interface ConversionPause {

    void pause(long nanos);

    /** Parks the calling thread for about {@code nanos}. */
    static ConversionPause parking() {
        return LockSupport::parkNanos;
    }
}
