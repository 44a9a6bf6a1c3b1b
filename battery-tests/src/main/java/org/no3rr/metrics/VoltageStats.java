package org.no3rr.metrics;

/**
 * Voltage statistics of one step. For a rest step these are the open-circuit voltage (OCV)
 * statistics; for other steps they describe the voltage over time.
 *
 * @param meanV          time-weighted mean ∫V dt / duration (trapezoid), in V; the sample itself
 *                       for a single sample. Time-weighted so irregular sampling does not bias it.
 * @param minV           lowest sample, in V
 * @param maxV           highest sample, in V
 * @param firstV         first sample of the step, in V
 * @param lastV          last sample of the step, in V
 * @param driftVPerHour  least-squares slope of V against time, in V h⁻¹ (positive = rising);
 *                       NaN for fewer than two distinct sample times
 * @param sampleCount    number of samples of the step
 */
public record VoltageStats(double meanV, double minV, double maxV, double firstV, double lastV,
                           double driftVPerHour, long sampleCount) {
}
