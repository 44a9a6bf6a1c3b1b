package org.no3rr.metrics.electrolysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Stability of a recycling test (the same hold repeated with fresh electrolyte): each hold's
 * mean current density relative to the first hold's. Signs cancel, so the ratio is positive for
 * holds of the same direction.
 */
public final class CurrentRetention {

    /** @param currentRetentionPercent 100 · j_n / j_1 */
    public record Point(int cycle, int stepNumber, double currentRetentionPercent) {
    }

    private CurrentRetention() {
    }

    public static List<Point> relativeToFirst(List<HoldSummary> holds) {
        if (holds.isEmpty()) {
            throw new IllegalArgumentException("current retention needs at least 1 hold, had 0");
        }
        double first = holds.get(0).meanCurrentDensityMaPerCm2();
        if (first == 0 || !Double.isFinite(first)) {
            throw new IllegalArgumentException("the first hold's mean current density must be finite and non-zero, was "
                    + first + " mA cm⁻²");
        }
        List<Point> points = new ArrayList<>(holds.size());
        for (HoldSummary hold : holds) {
            points.add(new Point(hold.cycle(), hold.stepNumber(), 100.0 * hold.meanCurrentDensityMaPerCm2() / first));
        }
        return List.copyOf(points);
    }
}
