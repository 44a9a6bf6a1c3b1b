package org.no3rr.station.calibration;

import java.util.List;

/** Every analog path of a channel with its calibration. */
public record ChannelCalibration(String channel, String backend, List<PathCalibration> paths) {
}
