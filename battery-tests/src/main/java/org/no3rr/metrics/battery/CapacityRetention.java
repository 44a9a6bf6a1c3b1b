package org.no3rr.metrics.battery;

import java.util.ArrayList;
import java.util.List;

import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.LinearFit;

/**
 * Capacity retention of every cycle against a stated reference, and the fade per cycle. Only cycles
 * with a discharge capacity ({@link CycleSummary#dischargeCapacityCoulombs()}: a battery run's cycle
 * with a discharge half) have a retention; the reference is chosen among those, in cycle order.
 *
 * @param reference                          how the reference capacity was chosen
 * @param referenceDischargeCapacityCoulombs the reference Q_ref, in C
 * @param points                             retention of each cycle that has one, in cycle order
 * @param fadePercentPerCycle                −(least-squares slope of retention % against cycle
 *                                           number), in % per cycle: positive when capacity fades;
 *                                           NaN for fewer than two cycles
 */
public record CapacityRetention(RetentionReference reference, double referenceDischargeCapacityCoulombs,
                                List<RetentionPoint> points, double fadePercentPerCycle) {

    /** @param retentionPercent 100 · Q_dis,n / Q_ref */
    public record RetentionPoint(int cycle, double retentionPercent) {
    }

    public CapacityRetention {
        points = List.copyOf(points);
    }

    /**
     * @throws IllegalArgumentException when too few cycles have a discharge capacity for the reference,
     *                                  or the reference capacity is not positive
     */
    public static CapacityRetention of(List<CycleSummary> cycles, RetentionReference reference) {
        List<CycleSummary> rated = cycles.stream().filter(c -> c.dischargeCapacityCoulombs() != null).toList();
        double[] capacities = new double[rated.size()];
        double[] cycleNumbers = new double[rated.size()];
        for (int i = 0; i < capacities.length; i++) {
            capacities[i] = rated.get(i).dischargeCapacityCoulombs();
            cycleNumbers[i] = rated.get(i).cycle();
        }
        double referenceCapacity = reference.referenceOf(capacities);
        if (!(referenceCapacity > 0)) {
            throw new IllegalArgumentException("the reference discharge capacity (" + reference.description()
                    + ") must be > 0 C, was " + referenceCapacity);
        }
        List<RetentionPoint> points = new ArrayList<>(capacities.length);
        double[] percents = new double[capacities.length];
        for (int i = 0; i < capacities.length; i++) {
            percents[i] = 100.0 * capacities[i] / referenceCapacity;
            points.add(new RetentionPoint(rated.get(i).cycle(), percents[i]));
        }
        double fade = capacities.length >= 2 ? -LinearFit.of(cycleNumbers, percents).slope() : Double.NaN;
        return new CapacityRetention(reference, referenceCapacity, points, fade);
    }
}
