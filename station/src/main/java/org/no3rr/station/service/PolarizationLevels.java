package org.no3rr.station.service;

import org.no3rr.metrics.battery.PolarizationCurve;

import java.util.Map;
import java.util.TreeMap;

/**
 * The points of one Polarize step, which the engine runs as a single step of many current levels:
 * each sample is put in the level whose nominal discharge current, {@code from + k·increment}, is
 * nearest its measured current, and a level's point is the mean |I| / area and the mean V of all
 * its samples (see docs/metrics.md, "Polarization from a Polarize step").
 */
public final class PolarizationLevels {

    private final double fromAmps;
    private final double incrementAmps;
    private final double areaCm2;
    private final Map<Long, Sums> levels = new TreeMap<>();

    /** @param fromAmps first level's discharge current, A (≥ 0); @param incrementAmps step between levels, A (> 0) */
    public PolarizationLevels(double fromAmps, double incrementAmps, double areaCm2) {
        this.fromAmps = fromAmps;
        this.incrementAmps = incrementAmps;
        this.areaCm2 = areaCm2;
    }

    /** One sample of the step: V and the signed current (negative = discharge), A. */
    public void add(double voltage, double current) {
        long level = Math.round((Math.abs(current) - fromAmps) / incrementAmps);
        Sums sums = levels.computeIfAbsent(level, k -> new Sums());
        sums.count++;
        sums.voltage += voltage;
        sums.currentMagnitude += Math.abs(current);
    }

    /** Number of levels with at least one sample. */
    public int levelCount() {
        return levels.size();
    }

    /** The curve through one point per level; needs at least one sample. */
    public PolarizationCurve curve() {
        double[] j = new double[levels.size()];
        double[] v = new double[levels.size()];
        int i = 0;
        for (Sums sums : levels.values()) {
            j[i] = sums.currentMagnitude / sums.count * 1000 / areaCm2;
            v[i] = sums.voltage / sums.count;
            i++;
        }
        return PolarizationCurve.of(j, v);
    }

    private static final class Sums {
        private long count;
        private double voltage;
        private double currentMagnitude;
    }
}
