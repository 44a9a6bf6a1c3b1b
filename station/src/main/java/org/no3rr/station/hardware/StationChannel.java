package org.no3rr.station.hardware;

import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.clock.Clock;

import java.util.Map;

/**
 * One channel as the station knows it: its hardware, the clock its samples are timed by, and a
 * description of its configuration that is stored with every run for traceability.
 *
 * @param model     cell model or board description, e.g. {@code zn-nitrate-battery}
 * @param snapshot  configuration of the channel's hardware, stored with each run as JSON
 */
public record StationChannel(String id, ChannelHardware hardware, Clock clock, String model,
                             Map<String, Object> snapshot) {
}
