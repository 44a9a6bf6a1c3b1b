package org.no3rr.station.calibration;

import java.time.Instant;
import java.util.List;

/**
 * Where one analog path stands: the line its readings carry, the line stored for it, the points
 * of a procedure in progress, and what to do next.
 *
 * @param active         the line applied to every reading since the station started
 * @param stored         the newest stored calibration, or null if none was ever stored
 * @param restartNeeded  whether the stored line differs from the active one: the hal's instruments
 *                       are fixed when the rig opens, so it applies from the next start
 * @param pendingPoints  points recorded for a calibration not yet applied (0, 1 or 2)
 * @param next           the procedure's next step, in words
 */
public record PathCalibration(String channel, String path, String unit, Line active, Stored stored,
                              boolean restartNeeded, List<CalibrationPoint> pendingPoints, String next) {

    /** {@code true = gain × nominal + offset}. */
    public record Line(double gain, double offset) {
    }

    /** A stored line with the points it was computed from (none after a reset) and when. */
    public record Stored(double gain, double offset, List<CalibrationPoint> points, Instant createdAt) {
    }
}
