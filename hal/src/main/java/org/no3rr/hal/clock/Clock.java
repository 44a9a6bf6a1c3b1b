package org.no3rr.hal.clock;

/**
 * The station's sense of time. Hardware runs on {@link WallClock}; the simulator on a
 * {@link VirtualClock} that can run a week in seconds, so nothing ever sleeps in a test.
 */
public interface Clock {

    /** Milliseconds since the Unix epoch on this clock. Never decreases. */
    long millis();

    /**
     * Returns once {@link #millis()} has reached {@code epochMillis}; returns at once if it has.
     * A virtual clock then reads exactly {@code epochMillis} (however late the wait returned in real
     * time) until the caller waits again; at maximum speed it jumps there instead of waiting.
     */
    void waitUntil(long epochMillis) throws InterruptedException;

    /**
     * The present instant, for a caller about to act at it (start or resume a run): a simulated clock
     * holds there until the caller next waits, so the commands that follow happen at exactly this
     * instant however long they take in real time. Real time cannot be held: the wall clock just
     * reads it.
     */
    default long holdNow() {
        return millis();
    }

    /**
     * Makes sure the clock is not behind {@code epochMillis}. A simulated clock that is behind
     * jumps forward — a run resumed after a restart must not get samples older than the ones it
     * stored; real time is never adjusted, so the wall clock ignores this.
     */
    default void catchUp(long epochMillis) {
    }
}
