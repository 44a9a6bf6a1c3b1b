package org.no3rr.hal.clock;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Simulated time that advances exactly to each instant someone waits for; the speed only decides
 * how long the wait lasts in real time.
 *
 * <p>{@link #waitUntil waitUntil(t)} leaves {@link #millis()} at exactly {@code t}, whether the wait
 * slept, returned late because the machine was busy, or jumped at {@link #MAX_SPEED}. The clock then
 * <em>holds</em> at {@code t} while the caller reads and commands, so a reading is stamped at its
 * scheduled instant and a simulated cell is integrated to exactly that instant: the same protocol
 * gives the same samples at any speed and any machine load.
 *
 * <p>At a finite speed the waits are paced against real time from an anchor: virtual instant
 * {@code t} is due at {@code anchorReal + (t − anchorVirtual)/speed}. A wait that returns late makes
 * the following waits shorter until the pace is caught up; a backlog longer than a second of real
 * time is dropped instead, so the clock falls behind the real pace rather than racing. With
 * {@code speed = 1} the clock thus keeps real time on average, and a reading that is late by the wall
 * clock is still stamped at its scheduled instant.
 *
 * <p>When a wait ended more than two seconds of real time ago and nobody is waiting (a paused run,
 * a prompt, an idle channel), the hold ends and the clock runs at its speed again, counted from the
 * end of the wait, so the time a run spends paused still passes. At {@link #MAX_SPEED} time
 * only moves when someone waits, {@link #advanceTo advances} or {@link #catchUp catches up}.
 *
 * <p>One clock serves one channel; channels with their own clocks never shift each other's
 * instants. Thread-safe: waiting sleeps outside the lock, so other threads read the held time meanwhile.
 */
public final class VirtualClock implements Clock {

    /** Speed meaning "as fast as possible". */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;

    /** Real time without a wait after which a held clock runs on: far longer than one reading's work. */
    static final long HOLD_LIMIT_NANOS = 2_000_000_000L;

    /** Lateness made up by shorter waits afterwards; a later wait drops its backlog. */
    static final long CATCH_UP_LIMIT_NANOS = 1_000_000_000L;

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final double speed;
    private final LongSupplier realNanos;
    private final Sleeper sleeper;
    private long heldMillis;
    private long heldSinceNanos;
    private long anchorMillis;
    private long anchorNanos;
    private long lastReturned;
    private boolean holding;
    private int waiting;

    /** A clock starting at {@code startEpochMillis}, running {@code speed} times real time. */
    public VirtualClock(long startEpochMillis, double speed) {
        this(startEpochMillis, speed, System::nanoTime, VirtualClock::sleepNanos);
    }

    VirtualClock(long startEpochMillis, double speed, LongSupplier realNanos, Sleeper sleeper) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("simulation speed must be a positive factor or max, was " + speed);
        }
        this.speed = speed;
        this.realNanos = realNanos;
        this.sleeper = sleeper;
        long now = realNanos.getAsLong();
        this.heldMillis = startEpochMillis;
        this.lastReturned = startEpochMillis;
        // a fresh clock is idle: it runs with the real pace until someone waits on it
        this.heldSinceNanos = now;
        this.anchorMillis = startEpochMillis;
        this.anchorNanos = now;
    }

    /** A clock at maximum speed, for tests and benchmarks. */
    public static VirtualClock atMaxSpeed(long startEpochMillis) {
        return new VirtualClock(startEpochMillis, MAX_SPEED);
    }

    /**
     * Parses a speed as written in configuration: a positive number such as {@code 1} or
     * {@code 60}, or {@code max}.
     */
    public static double parseSpeed(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("max")) {
            return MAX_SPEED;
        }
        try {
            double speed = Double.parseDouble(trimmed);
            if (speed > 0 && Double.isFinite(speed)) {
                return speed;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("simulation speed must be a positive number (1, 60, …) or 'max', was '"
                + text + "'");
    }

    public double speed() {
        return speed;
    }

    public boolean isMaxSpeed() {
        return speed == MAX_SPEED;
    }

    @Override
    public synchronized long millis() {
        lastReturned = Math.max(lastReturned, present(realNanos.getAsLong()));
        return lastReturned;
    }

    @Override
    public synchronized long holdNow() {
        long now = realNanos.getAsLong();
        if (isMaxSpeed()) {
            holdAt(heldMillis, now);
        } else {
            freeze(now);
        }
        return heldMillis;
    }

    /**
     * Returns with {@link #millis()} at exactly {@code epochMillis} (or where it was, if later). At a
     * finite speed it first sleeps until the instant is due by the real pace; a late return is not
     * added to the simulated time.
     */
    @Override
    public void waitUntil(long epochMillis) throws InterruptedException {
        long due;
        synchronized (this) {
            if (isMaxSpeed()) {
                holdAt(epochMillis, realNanos.getAsLong());
                return;
            }
            long now = realNanos.getAsLong();
            freeze(now);
            if (epochMillis <= heldMillis) {
                return;
            }
            due = anchorNanos + (long) ((epochMillis - anchorMillis) * NANOS_PER_MILLI / speed);
            waiting++;
        }
        try {
            long remaining;
            while ((remaining = due - realNanos.getAsLong()) > 0) {
                sleeper.sleep(remaining);
            }
        } finally {
            synchronized (this) {
                waiting--;
            }
        }
        synchronized (this) {
            long now = realNanos.getAsLong();
            holdAt(epochMillis, now);
            if (now - due > CATCH_UP_LIMIT_NANOS) {
                anchorMillis = heldMillis;
                anchorNanos = now;
            }
        }
    }

    /**
     * Jumps forward to {@code epochMillis} if behind it, at any speed; the pace restarts from there.
     * A run resumed after a restart must not get samples older than the ones it stored.
     */
    @Override
    public synchronized void catchUp(long epochMillis) {
        long now = realNanos.getAsLong();
        if (isMaxSpeed()) {
            holdAt(epochMillis, now);
            return;
        }
        if (epochMillis > present(now)) {
            heldMillis = epochMillis;
            lastReturned = epochMillis;
            heldSinceNanos = now;
            holding = false;
            anchorMillis = epochMillis;
            anchorNanos = now;
        }
    }

    /** Moves a maximum-speed clock forward to {@code epochMillis}; never moves it back. */
    public synchronized void advanceTo(long epochMillis) {
        if (!isMaxSpeed()) {
            throw new IllegalStateException("only a clock at maximum speed can be advanced by hand");
        }
        holdAt(epochMillis, realNanos.getAsLong());
    }

    /** Whether the clock stands at {@link #heldMillis}: someone waits, or a wait ended only just now. */
    private boolean held(long now) {
        return waiting > 0 || (holding && now - heldSinceNanos <= HOLD_LIMIT_NANOS);
    }

    /** The simulated time now: the held instant, or — while not held — the paced time since it. */
    private long present(long now) {
        long value = isMaxSpeed() || held(now) ? heldMillis
                : heldMillis + (long) ((now - heldSinceNanos) * speed / NANOS_PER_MILLI);
        return Math.max(value, lastReturned);
    }

    /** Holds the clock at the present time; a clock that was running restarts its pace here. */
    private void freeze(long now) {
        if (!held(now)) {
            long present = present(now);
            heldMillis = present;
            lastReturned = present;
            anchorMillis = present;
            anchorNanos = now;
        }
        heldSinceNanos = now;
        holding = true;
    }

    private void holdAt(long epochMillis, long now) {
        heldMillis = Math.max(Math.max(heldMillis, lastReturned), epochMillis);
        lastReturned = heldMillis;
        heldSinceNanos = now;
        holding = true;
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting on the simulation clock");
        }
    }

    /** Real sleeping, replaceable in tests; may return early (the caller sleeps again). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long realNanos) throws InterruptedException;
    }
}
