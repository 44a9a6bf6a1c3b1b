package org.no3rr.hal.i2c;

import java.util.concurrent.locks.LockSupport;

/**
 * How the hardware layer waits and tells time: a back-off between bus retries, the ADS1115's
 * conversion time, the MCP4725's EEPROM write. Real hardware parks the thread and reads
 * {@link System#nanoTime()}; tests inject a pacer whose time moves only when something waits, so
 * no test ever sleeps.
 */
public interface Pacer {

    /** Waits about {@code nanos}. */
    void pause(long nanos);

    /** A monotonic time in ns, for measuring how long something took. */
    long nanoTime();

    /** Parks the calling thread; the system's monotonic clock. */
    static Pacer system() {
        return SystemPacer.INSTANCE;
    }

    /** The system pacer's kind. */
    enum SystemPacer implements Pacer {
        INSTANCE;

        @Override
        public void pause(long nanos) {
            LockSupport.parkNanos(nanos);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    }
}
