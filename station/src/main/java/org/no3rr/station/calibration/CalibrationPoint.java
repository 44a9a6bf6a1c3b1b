package org.no3rr.station.calibration;

import java.time.Instant;

/**
 * One step of the guided procedure. For a reading: what the channel read with its nominal transfer,
 * and what the operator's reference meter showed at the same time. For an output: what the station
 * commanded (nominal, before any calibration), and what was measured — by the channel's own
 * calibrated input, or by the operator's meter.
 *
 * @param nominal       the path's reading without calibration, or the output's nominal command, in the path's unit
 * @param trueValue     the reference value applied or measured
 * @param driveCurrentA the current the station drove for the reading (current path), or null
 */
public record CalibrationPoint(double nominal, double trueValue, Instant at, Double driveCurrentA) {
}
