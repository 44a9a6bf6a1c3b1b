package org.no3rr.station.hardware;

import org.no3rr.hal.clock.Clock;
import org.no3rr.hal.clock.VirtualClock;

/**
 * A simulation clock that is never behind the wall clock. A clock at maximum speed only moves
 * while a run waits on it; without this floor, a run started an hour after the station would be
 * stamped with the time the station started.
 */
final class WallClockFloor implements Clock {

    private final VirtualClock clock;

    WallClockFloor(VirtualClock clock) {
        this.clock = clock;
    }

    @Override
    public long millis() {
        if (clock.isMaxSpeed()) {
            clock.advanceTo(System.currentTimeMillis());
        }
        return clock.millis();
    }

    @Override
    public long holdNow() {
        millis();
        return clock.holdNow();
    }

    @Override
    public void waitUntil(long epochMillis) throws InterruptedException {
        clock.waitUntil(epochMillis);
    }

    @Override
    public void catchUp(long epochMillis) {
        clock.catchUp(epochMillis);
    }
}
