package org.no3rr.metrics.battery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.no3rr.metrics.Arguments;
import org.no3rr.protocol.StepKind;
import org.no3rr.metrics.StepSummary;

/**
 * A discharge polarization: the V–j curve, the P–j curve with P = V·j, and the peak power density.
 * j is the discharge current density as a positive number in mA cm⁻², V the cell voltage in V, so
 * P is in mW cm⁻².
 *
 * <p>Peak power is interpolated, not read off a sample: a parabola is passed through the largest
 * P sample and its two neighbours (Lagrange form, so uneven j spacing is fine) and its vertex is
 * taken. This is exact whenever P(j) is quadratic over those three points — the case of an ohmic
 * cell, V = E₀ − R·j, P = E₀·j − R·j². When the largest sample is the first or last point there is
 * no bracket; the sample itself is returned and {@link PeakPower#interpolated()} is false (the
 * curve was not taken far enough). Feed per-step means rather than a noisy sweep: three noisy
 * neighbours make a poor parabola.
 */
public final class PolarizationCurve {

    /** @param powerDensityMwPerCm2 V·j */
    public record Point(double currentDensityMaPerCm2, double voltageV, double powerDensityMwPerCm2) {
    }

    /**
     * @param powerDensityMwPerCm2   peak P, mW cm⁻²
     * @param currentDensityMaPerCm2 j at the peak, mA cm⁻²
     * @param interpolated           false when the maximum is an end point of the curve and was taken as sampled
     */
    public record PeakPower(double powerDensityMwPerCm2, double currentDensityMaPerCm2, boolean interpolated) {
    }

    private final List<Point> points;

    private PolarizationCurve(List<Point> points) {
        this.points = List.copyOf(points);
    }

    /** From (j, V) pairs in any order; j must be ≥ 0 and distinct. */
    public static PolarizationCurve of(double[] currentDensityMaPerCm2, double[] voltageV) {
        Arguments.requireSameLength("currentDensityMaPerCm2", currentDensityMaPerCm2, "voltageV", voltageV);
        Arguments.requireAtLeast("a polarization curve", currentDensityMaPerCm2.length, 1);
        List<Point> points = new ArrayList<>(currentDensityMaPerCm2.length);
        for (int i = 0; i < currentDensityMaPerCm2.length; i++) {
            double j = Arguments.requireNonNegative("currentDensityMaPerCm2[" + i + "]", currentDensityMaPerCm2[i]);
            double v = Arguments.requireFinite("voltageV[" + i + "]", voltageV[i]);
            points.add(new Point(j, v, v * j));
        }
        points.sort(Comparator.comparingDouble(Point::currentDensityMaPerCm2));
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).currentDensityMaPerCm2() == points.get(i - 1).currentDensityMaPerCm2()) {
                throw new IllegalArgumentException("current densities must be distinct; "
                        + points.get(i).currentDensityMaPerCm2() + " mA cm⁻² appears twice (average repeated steps first)");
            }
        }
        return new PolarizationCurve(points);
    }

    /**
     * From the discharge steps of a stepped polarization: j = |mean current| / area, V = the step's
     * mean discharge voltage E_dis/Q_dis. Rest and charge steps are skipped.
     */
    public static PolarizationCurve ofSteps(List<StepSummary> steps, double areaCm2) {
        Arguments.requirePositive("areaCm2", areaCm2);
        List<StepSummary> discharges = steps.stream().filter(s -> s.kind() == StepKind.DISCHARGE).toList();
        double[] j = new double[discharges.size()];
        double[] v = new double[discharges.size()];
        for (int i = 0; i < j.length; i++) {
            j[i] = Math.abs(discharges.get(i).meanCurrentDensityMaPerCm2(areaCm2));
            v[i] = discharges.get(i).totals().meanDischargeVoltageV();
        }
        return of(j, v);
    }

    /** The points sorted by current density. */
    public List<Point> points() {
        return points;
    }

    public PeakPower peakPower() {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).powerDensityMwPerCm2() > points.get(best).powerDensityMwPerCm2()) {
                best = i;
            }
        }
        Point peak = points.get(best);
        if (best == 0 || best == points.size() - 1) {
            return new PeakPower(peak.powerDensityMwPerCm2(), peak.currentDensityMaPerCm2(), false);
        }
        return vertexOfParabola(points.get(best - 1), peak, points.get(best + 1));
    }

    /**
     * P(j) = P₀ + d₁·(j − j₀) + a·(j − j₀)(j − j₁) with d₁ = (P₁ − P₀)/(j₁ − j₀),
     * d₂ = (P₂ − P₁)/(j₂ − j₁), a = (d₂ − d₁)/(j₂ − j₀); its vertex is at
     * j* = (j₀ + j₁)/2 − d₁/(2a). Since P₁ is the largest of the three, a ≤ 0 and j* ∈ [j₀, j₂].
     */
    private static PeakPower vertexOfParabola(Point p0, Point p1, Point p2) {
        double j0 = p0.currentDensityMaPerCm2();
        double j1 = p1.currentDensityMaPerCm2();
        double j2 = p2.currentDensityMaPerCm2();
        double d1 = (p1.powerDensityMwPerCm2() - p0.powerDensityMwPerCm2()) / (j1 - j0);
        double d2 = (p2.powerDensityMwPerCm2() - p1.powerDensityMwPerCm2()) / (j2 - j1);
        double a = (d2 - d1) / (j2 - j0);
        if (!(a < 0)) {
            return new PeakPower(p1.powerDensityMwPerCm2(), j1, false);
        }
        double jPeak = (j0 + j1) / 2 - d1 / (2 * a);
        double pPeak = p0.powerDensityMwPerCm2() + d1 * (jPeak - j0) + a * (jPeak - j0) * (jPeak - j1);
        return new PeakPower(pPeak, jPeak, true);
    }

    @Override
    public String toString() {
        return "PolarizationCurve" + points;
    }
}
