package org.no3rr.hal.clock;

/** Real time, for real hardware. */
public final class WallClock implements Clock {

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public void waitUntil(long epochMillis) throws InterruptedException {
        long remaining;
        while ((remaining = epochMillis - millis()) > 0) {
            Thread.sleep(remaining);
        }
    }
}
