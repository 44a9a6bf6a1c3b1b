package org.no3rr.station.calibration;

import java.util.List;

/** Every calibrated path of a channel, on the board {@code boardId} (the board file's {@code board.id}). */
public record ChannelCalibration(String channel, String backend, String boardId, List<PathCalibration> paths) {
}
