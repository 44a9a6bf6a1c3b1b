package org.no3rr.metrics;

/**
 * Builds {@link VoltageStats} one sample at a time in constant memory. The drift is an online
 * least-squares slope (Welford-style co-moments, with time measured from the first sample in
 * hours) so that epoch-sized time values do not cancel catastrophically.
 */
public final class VoltageStatsAccumulator {

    private long count;
    private long firstMillis;
    private long lastMillis;
    private double firstV;
    private double lastV;
    private double minV;
    private double maxV;
    private double integralVs;
    private double meanHours;
    private double sampleMeanV;
    private double sxx;
    private double sxy;

    public void reset() {
        count = 0;
        integralVs = 0;
        meanHours = 0;
        sampleMeanV = 0;
        sxx = 0;
        sxy = 0;
    }

    public void add(long epochMillis, double voltageV) {
        if (count == 0) {
            firstMillis = epochMillis;
            firstV = voltageV;
            minV = voltageV;
            maxV = voltageV;
        } else {
            integralVs += (epochMillis - lastMillis) * 1e-3 * (lastV + voltageV) * 0.5;
            minV = Math.min(minV, voltageV);
            maxV = Math.max(maxV, voltageV);
        }
        count++;
        double hours = (epochMillis - firstMillis) / Units.MILLIS_PER_HOUR;
        double dx = hours - meanHours;
        meanHours += dx / count;
        double dy = voltageV - sampleMeanV;
        sampleMeanV += dy / count;
        sxx += dx * (hours - meanHours);
        sxy += dx * (voltageV - sampleMeanV);
        lastMillis = epochMillis;
        lastV = voltageV;
    }

    public long count() {
        return count;
    }

    /** The statistics so far; all NaN (and count 0) before the first sample. */
    public VoltageStats stats() {
        if (count == 0) {
            return new VoltageStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double durationS = (lastMillis - firstMillis) * 1e-3;
        double mean = durationS > 0 ? integralVs / durationS : sampleMeanV;
        double drift = sxx > 0 ? sxy / sxx : Double.NaN;
        return new VoltageStats(mean, minV, maxV, firstV, lastV, drift, count);
    }
}
