package org.no3rr.hal.clock;

import java.util.function.LongSupplier;

/**
 * Simulated time that runs {@code speed} times faster than real time, or — at
 * {@link #MAX_SPEED} — as fast as the CPU allows: {@link #waitUntil} then jumps instead of waiting.
 *
 * <p>At a finite speed the clock follows the real monotonic clock, scaled; at maximum speed it
 * only moves when someone waits or {@link #advanceTo advances} it. Thread-safe.
 */
public final class VirtualClock implements Clock {

    /** Speed meaning "as fast as possible". */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;

    private final double speed;
    private final LongSupplier realNanos;
    private final Sleeper sleeper;
    private long startMillis;
    private final long startRealNanos;
    private long jumpedMillis;

    /** A clock starting at {@code startEpochMillis}, running {@code speed} times real time. */
    public VirtualClock(long startEpochMillis, double speed) {
        this(startEpochMillis, speed, System::nanoTime, Thread::sleep);
    }

    VirtualClock(long startEpochMillis, double speed, LongSupplier realNanos, Sleeper sleeper) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("simulation speed must be a positive factor or max, was " + speed);
        }
        this.speed = speed;
        this.realNanos = realNanos;
        this.sleeper = sleeper;
        this.startMillis = startEpochMillis;
        this.startRealNanos = realNanos.getAsLong();
        this.jumpedMillis = startEpochMillis;
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
        if (isMaxSpeed()) {
            return jumpedMillis;
        }
        long scaled = startMillis + (long) ((realNanos.getAsLong() - startRealNanos) * speed / 1_000_000.0);
        jumpedMillis = Math.max(jumpedMillis, scaled);
        return jumpedMillis;
    }

    @Override
    public void waitUntil(long epochMillis) throws InterruptedException {
        if (isMaxSpeed()) {
            advanceTo(epochMillis);
            return;
        }
        long remaining;
        while ((remaining = epochMillis - millis()) > 0) {
            sleeper.sleep(Math.max(1, (long) Math.ceil(remaining / speed)));
        }
    }

    /** Jumps forward to {@code epochMillis} if behind it, at any speed; the speed stays the same. */
    @Override
    public synchronized void catchUp(long epochMillis) {
        long behind = epochMillis - millis();
        if (behind <= 0) {
            return;
        }
        if (isMaxSpeed()) {
            jumpedMillis = epochMillis;
        } else {
            startMillis += behind;
            jumpedMillis = Math.max(jumpedMillis, epochMillis);
        }
    }

    /** Moves a maximum-speed clock forward to {@code epochMillis}; never moves it back. */
    public synchronized void advanceTo(long epochMillis) {
        if (!isMaxSpeed()) {
            throw new IllegalStateException("only a clock at maximum speed can be advanced by hand");
        }
        jumpedMillis = Math.max(jumpedMillis, epochMillis);
    }

    /** Real sleeping, replaceable in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long realMillis) throws InterruptedException;
    }
}
