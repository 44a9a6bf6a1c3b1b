package org.no3rr.hal.i2c;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.no3rr.hal.HalException;

/**
 * One I2C bus ({@code /dev/i2c-N}) as the station uses it: one transaction at a time, a failed one
 * retried with back-off after clocking out a stuck slave, and a bus that stays dead failed fast.
 *
 * <p>Each bus has its own lock, so chips on another bus never wait for this one; Pi4J's linuxfs
 * provider also keeps one lock per bus number, which this lock leaves uncontended. Writes that put
 * an output in its safe state never wait for the lock ({@link #runNowOrDefer}): when the bus is busy
 * they are queued and done by the thread that holds it, the moment it lets go — so a safe state
 * that must open a relay (GPIO) never stands behind a hung transfer.
 *
 * <p>A bus is judged stuck, not a chip missing, only when a transaction failed slowly — its tries
 * timed out, where a missing chip's NACK returns at once — even after a recovery: a dead chip faults
 * its own channel, a hung bus every channel on it, and no other bus.
 */
public final class I2cBus {

    private static final System.Logger LOG = System.getLogger(I2cBus.class.getName());

    private final int number;
    private final BusPolicy policy;
    private final BusRecovery recovery;
    private final Pacer pacer;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Map<Object, Runnable> deferred = new LinkedHashMap<>();

    private volatile String holder = "nobody";
    private String stuckReason;
    private long stuckUntilNanos;
    private long recoveries;
    private volatile String lastDeferredFailure;

    public I2cBus(int number, BusPolicy policy, BusRecovery recovery, Pacer pacer) {
        this.number = number;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /** A bus with one try and no recovery, for a chip used on its own (driver tests, the self-test's first probe). */
    public static I2cBus standalone(int number) {
        return new I2cBus(number, new BusPolicy(1, 0, Long.MAX_VALUE, Long.MAX_VALUE, 0), BusRecovery.none(), Pacer.system());
    }

    public int number() {
        return number;
    }

    /**
     * Runs one transaction of {@code chip} with the bus held, retrying as the policy says.
     *
     * @param chip "ADS1115 on bus 1 at 0x48", for messages
     * @param what "reading register 0x01", for messages
     * @throws HalException naming chip, bus and address when every try failed, the bus is stuck,
     *                      or another transaction held the bus too long
     */
    public <T> T transact(String chip, String what, Supplier<T> action) {
        acquire(chip, what);
        try {
            return attempt(chip, what, action);
        } finally {
            release();
        }
    }

    /**
     * Runs {@code write} now if the bus is free, else queues it for the thread that holds the bus
     * to run as it lets go; never waits. A later write with the same {@code key} replaces a queued one.
     *
     * @return true when it ran now (and succeeded)
     */
    public boolean runNowOrDefer(Object key, String chip, String what, Runnable write) {
        if (lock.tryLock()) {
            try {
                attempt(chip, what, () -> {
                    write.run();
                    return null;
                });
                return true;
            } finally {
                release();
            }
        }
        synchronized (deferred) {
            deferred.put(key, () -> attempt(chip, what + " (deferred while the bus was busy)", () -> {
                write.run();
                return null;
            }));
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: {1} deferred: I2C bus {2} is held by {3}", chip, what, number, holder);
        // The holder may have let go between tryLock and the queueing: then nobody would run it.
        if (lock.tryLock()) {
            release();
        }
        return false;
    }

    /** Writes queued by {@link #runNowOrDefer} that have not run yet. */
    public int deferredWrites() {
        synchronized (deferred) {
            return deferred.size();
        }
    }

    /** The last queued write that failed when it ran, or null. */
    public String lastDeferredFailure() {
        return lastDeferredFailure;
    }

    /** Bus recoveries done since start. */
    public synchronized long recoveries() {
        return recoveries;
    }

    private void acquire(String chip, String what) {
        boolean held;
        try {
            held = lock.tryLock(policy.lockWaitNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HalException(chip + ": " + what + " interrupted while waiting for I2C bus " + number);
        }
        if (!held) {
            throw new HalException(chip + ": " + what + " not attempted: I2C bus " + number + " has been held by "
                    + holder + " for longer than " + TimeUnit.NANOSECONDS.toMillis(policy.lockWaitNanos()) + " ms");
        }
        holder = chip + " (" + what + ")";
    }

    /** Runs the queued safe-state writes, then lets go of the bus; again if one was queued meanwhile. */
    private void release() {
        while (true) {
            List<Runnable> queued;
            synchronized (deferred) {
                queued = new ArrayList<>(deferred.values());
                deferred.clear();
            }
            for (Runnable write : queued) {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    lastDeferredFailure = e.getMessage();
                    LOG.log(System.Logger.Level.ERROR, "deferred write failed: " + e.getMessage());
                }
            }
            holder = "nobody";
            lock.unlock();
            if (deferredWrites() == 0 || !lock.tryLock()) {
                return;
            }
        }
    }

    private <T> T attempt(String chip, String what, Supplier<T> action) {
        failIfStuck(chip, what);
        long started = pacer.nanoTime();
        RuntimeException first = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (attempt > 1) {
                if (attempt == 2) {
                    recover();
                }
                pacer.pause(policy.backoffBefore(attempt));
            }
            try {
                T result = action.get();
                succeeded();
                return result;
            } catch (HalException e) {
                throw e;
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        String tries = policy.attempts() == 1 ? "" : " (" + policy.attempts() + " tries, bus recovered once)";
        HalException failure = new HalException(chip + ": " + what + " failed: " + first.getMessage() + tries, first);
        failed(failure.getMessage(), pacer.nanoTime() - started);
        throw failure;
    }

    private synchronized void failIfStuck(String chip, String what) {
        if (stuckReason != null && pacer.nanoTime() - stuckUntilNanos < 0) {
            throw new HalException(chip + ": " + what + " not attempted: I2C bus " + number + " is stuck; first failure: "
                    + stuckReason);
        }
    }

    private synchronized void succeeded() {
        stuckReason = null;
    }

    private synchronized void failed(String message, long tookNanos) {
        if (tookNanos >= policy.slowFailureNanos() && policy.stuckNanos() > 0) {
            stuckReason = message;
            stuckUntilNanos = pacer.nanoTime() + policy.stuckNanos();
            LOG.log(System.Logger.Level.ERROR, "I2C bus {0} hangs: every transaction fails for the next {1} ms: {2}",
                    number, policy.stuckNanos() / 1_000_000, message);
        }
    }

    private void recover() {
        synchronized (this) {
            recoveries++;
        }
        try {
            recovery.recover(number);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recovery of I2C bus " + number + " failed: " + e.getMessage());
        }
    }
}
