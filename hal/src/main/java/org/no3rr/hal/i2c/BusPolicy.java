package org.no3rr.hal.i2c;

/**
 * How hard an {@link I2cBus} tries before it gives up on a transaction.
 *
 * @param attempts         tries per transaction, at least 1; after the first failure the bus is
 *                         recovered once (clocked out) before the next try
 * @param firstBackoffNanos wait before the second try; it doubles for every further try
 * @param lockWaitNanos    longest a caller waits for the bus while another transaction holds it
 *                         (a hung transfer holds it for the kernel's timeout, 1 s on the BCM2835)
 * @param slowFailureNanos a transaction whose tries failed and took at least this long in all failed
 *                         by timing out, not by a missing chip's NACK (which returns in microseconds):
 *                         the bus itself hangs
 * @param stuckNanos       how long a bus that hung fails every transaction at once (naming the
 *                         failure) instead of making each chip wait for its timeouts again
 */
public record BusPolicy(int attempts, long firstBackoffNanos, long lockWaitNanos, long slowFailureNanos,
                        long stuckNanos) {

    public BusPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (firstBackoffNanos < 0 || lockWaitNanos < 0 || slowFailureNanos < 0 || stuckNanos < 0) {
            throw new IllegalArgumentException("back-off, lock wait, slow failure and stuck time must not be negative, were "
                    + firstBackoffNanos + ", " + lockWaitNanos + ", " + slowFailureNanos + " and " + stuckNanos + " ns");
        }
    }

    /**
     * Three tries 2 ms and 4 ms apart, 2.5 s for the bus; a failure that took 250 ms or more (the
     * BCM2835's transfer timeout is 1 s) marks the bus stuck for 5 s.
     */
    public static BusPolicy defaults() {
        return new BusPolicy(3, 2_000_000L, 2_500_000_000L, 250_000_000L, 5_000_000_000L);
    }

    /** The wait before try {@code attempt} (2, 3, …). */
    long backoffBefore(int attempt) {
        return firstBackoffNanos << Math.min(attempt - 2, 20);
    }
}
