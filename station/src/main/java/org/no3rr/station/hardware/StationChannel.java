package org.no3rr.station.hardware;

import java.util.Map;
import java.util.function.Supplier;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.clock.Clock;

/**
 * One channel as the station knows it: its hardware, the clock its samples are timed by, a
 * description of its configuration that is stored with every run for traceability, and the watch
 * its runner reports its control loop to.
 *
 * @param model     cell model or board description, e.g. {@code zn-nitrate-battery}
 * @param snapshots the configuration of the channel's hardware as it is now (calibrations change
 *                  while the station runs), stored with each run as JSON
 * @param watch     the control-loop watch ({@link ControlLoopWatch}): a runner calls
 *                  {@code loopStarted}, {@code readingDone} and {@code loopEnded} on it
 */
public record StationChannel(String id, ChannelHardware hardware, Clock clock, String model,
                             Supplier<Map<String, Object>> snapshots, ControlLoopWatch watch) {

    /** The configuration of the channel's hardware now, for the run about to start. */
    public Map<String, Object> snapshot() {
        return snapshots.get();
    }
}
