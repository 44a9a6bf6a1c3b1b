package org.no3rr.station.calibration;

import java.time.Instant;

/**
 * One step of the guided procedure: what the channel read with its nominal transfer, and what the
 * operator's reference meter showed at the same time.
 *
 * @param nominal       the path's reading without calibration, in the path's unit
 * @param trueValue     the reference value the operator applied or measured
 * @param driveCurrentA the current the station drove for the reading (current path), or null
 */
public record CalibrationPoint(double nominal, double trueValue, Instant at, Double driveCurrentA) {
}
