package org.no3rr.station.calibration;

import java.time.Instant;
import java.util.List;

/**
 * Where one calibrated path stands: the line in force, the line stored for it on this board, the
 * points of a procedure in progress, and what to do next. A stored line is in force from the moment
 * it is stored, no restart needed.
 *
 * @param output              whether the path is an output (its line maps commanded to measured)
 * @param active              the line applied to every reading or setpoint now
 * @param stored              the newest calibration stored for this board, or null
 * @param recalibrationNeeded whether a calibration was stored for this path on another board (or
 *                            before boards were identified) but none on this one: it is not used
 * @param pendingPoints       points recorded for a calibration not yet applied (0, 1 or 2)
 * @param next                the procedure's next step, in words
 */
public record PathCalibration(String channel, String path, String unit, boolean output, Line active, Stored stored,
                              boolean recalibrationNeeded, List<CalibrationPoint> pendingPoints, String next) {

    /** {@code true = gain × nominal + offset}. */
    public record Line(double gain, double offset) {
    }

    /** A stored line with the points it was computed from (none after a reset), when, and on which board. */
    public record Stored(double gain, double offset, List<CalibrationPoint> points, Instant createdAt, String boardId) {
    }
}
