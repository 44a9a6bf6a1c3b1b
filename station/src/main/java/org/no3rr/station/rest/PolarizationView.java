package org.no3rr.station.rest;

import org.no3rr.metrics.battery.PolarizationCurve;

import java.util.List;

/**
 * {@code GET /api/runs/{id}/polarization}: the curve's points and its peak power density (see
 * docs/metrics.md). The peak's voltage is P/j at the peak.
 */
public record PolarizationView(List<PolarizationCurve.Point> points, Peak peak) {

    /** @param interpolated false when the largest P is an end point and was taken as sampled */
    public record Peak(double powerDensityMwPerCm2, double currentDensityMaPerCm2, double voltageV,
                       boolean interpolated) {
    }

    static PolarizationView of(PolarizationCurve curve) {
        PolarizationCurve.PeakPower peak = curve.peakPower();
        double j = peak.currentDensityMaPerCm2();
        return new PolarizationView(curve.points(), new Peak(peak.powerDensityMwPerCm2(), j,
                j == 0 ? Double.NaN : peak.powerDensityMwPerCm2() / j, peak.interpolated()));
    }
}
