package org.no3rr.station.downsample;

import org.no3rr.station.store.StoredSample;

/**
 * One sample as the samples endpoint returns it, units in the names; {@code wePotentialV} is
 * null for a channel without a reference electrode.
 *
 * @param testTimeS seconds since the run's start
 * @param step      the running step count (BDF "Step Count")
 */
public record ChartPoint(long seq, double testTimeS, double voltageV, double currentA, double wePotentialV,
                         int cycle, int step) {

    public static ChartPoint of(StoredSample s, long originMillis) {
        return new ChartPoint(s.seq(), (s.epochMillis() - originMillis) / 1000.0, s.voltage(), s.current(),
                s.workingElectrodePotential(), s.cycle(), s.stepNumber());
    }
}
