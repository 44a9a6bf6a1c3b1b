package org.no3rr.station.calibration;

import java.time.Instant;
import java.util.List;
import org.no3rr.hal.instrument.TwoPointCalibration;

/**
 * A calibration as stored: the line and the points it was computed from (none for a reset to
 * identity), so that a stored result can be traced back to what the operator measured, and the
 * board it was measured on ({@code board.id}; null for rows from before boards were identified).
 */
public record StoredCalibration(String channelId, AnalogPath path, double gain, double offset,
                                List<CalibrationPoint> points, Instant createdAt, String boardId) {

    public StoredCalibration {
        points = List.copyOf(points);
    }

    public TwoPointCalibration line() {
        return new TwoPointCalibration(gain, offset);
    }
}
