package org.no3rr.hal.fake;

import com.pi4j.exception.Pi4JException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What can be wrong with a whole fake bus, as a Raspberry Pi would see it through linuxfs:
 * <ul>
 *   <li>{@link #hang()}: every transfer blocks (a slave stretching SCL for ever, a transfer stuck in
 *       the kernel) until {@link #release()};</li>
 *   <li>{@link #timeOut}: every transfer takes the BCM2835 driver's 1 s timeout and fails with ETIMEDOUT;</li>
 *   <li>{@link #holdSda}: a slave holds SDA low, every transfer fails, until a read at an address
 *       nobody answers (a bus clear's nine clocks) has come that many times.</li>
 * </ul>
 */
public final class BusFault {

    /** The BCM2835 driver's transfer timeout (adapter default, HZ = 1 s). */
    public static final long KERNEL_TIMEOUT_NANOS = 1_000_000_000L;

    private volatile CountDownLatch hang;
    private final AtomicInteger entered = new AtomicInteger();
    private volatile FakeTime timeOutClock;
    private final AtomicInteger sdaHeldForClockOuts = new AtomicInteger();

    /** Every transfer from now on blocks until {@link #release()}. */
    public BusFault hang() {
        hang = new CountDownLatch(1);
        return this;
    }

    /** Lets blocked transfers go on, and later ones pass. */
    public BusFault release() {
        CountDownLatch latch = hang;
        hang = null;
        if (latch != null) {
            latch.countDown();
        }
        return this;
    }

    /** Every transfer advances {@code clock} by the kernel's timeout and fails; null stops it. */
    public BusFault timeOut(FakeTime clock) {
        timeOutClock = clock;
        return this;
    }

    /** Transfers fail until {@code clockOuts} reads at an absent address have come. */
    public BusFault holdSda(int clockOuts) {
        sdaHeldForClockOuts.set(clockOuts);
        return this;
    }

    /** Transfers that entered the bus while it hung, and are blocked or were. */
    public int transfersBlocked() {
        return entered.get();
    }

    /** Waits (without polling) until {@code count} transfers have blocked; false after {@code timeout}. */
    public synchronized boolean awaitBlocked(int count, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entered.get() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Called by a fake chip before each transfer. */
    void enter(boolean chipPresent, boolean read, int address) {
        CountDownLatch latch = hang;
        if (latch != null) {
            synchronized (this) {
                entered.incrementAndGet();
                notifyAll();
            }
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new Pi4JException("test bus hung for 30 s: nothing released it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Pi4JException("interrupted on a hung bus");
            }
        }
        FakeTime clock = timeOutClock;
        if (clock != null) {
            clock.advance(KERNEL_TIMEOUT_NANOS);
            throw new Pi4JException("I2C transfer to " + String.format("0x%02X", address) + " timed out (ETIMEDOUT)");
        }
        if (sdaHeldForClockOuts.get() > 0) {
            if (!chipPresent && read) {
                sdaHeldForClockOuts.decrementAndGet();
                return;
            }
            throw new Pi4JException("Remote I/O error (SDA held low, no ACK from " + String.format("0x%02X", address) + ")");
        }
    }
}
