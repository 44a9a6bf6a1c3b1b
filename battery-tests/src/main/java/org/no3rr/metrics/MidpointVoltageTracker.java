package org.no3rr.metrics;

/**
 * Mid-point voltage of a step: the voltage at half of the step's charge throughput ∫|I| dt,
 * linearly interpolated between the samples around it.
 *
 * <p>Why a buffer: half of the step's charge is only known when the step ends, so the voltage
 * curve has to be remembered. To keep memory constant the tracker holds at most
 * {@value #DEFAULT_CAPACITY} (throughput, voltage) knots in two preallocated arrays. While a step
 * has no more samples than that, the result is exact (interpolation between the two recorded
 * samples that bracket the mid-point). A longer step is thinned by keeping every second knot each
 * time the buffer fills; the mid-point is then interpolated between recorded samples that are up
 * to 2<sup>k</sup> samples apart, which is exact on a linear stretch and otherwise off by the
 * curvature of V(Q) across that span. The last sample is always kept. No allocation per sample.
 */
public final class MidpointVoltageTracker {

    public static final int DEFAULT_CAPACITY = 8192;

    private final double[] throughputC;
    private final double[] voltageV;
    private int size;
    private int stride = 1;
    private int sinceLastKept;
    private boolean hasLast;
    private double lastThroughputC;
    private double lastVoltageV;

    public MidpointVoltageTracker() {
        this(DEFAULT_CAPACITY);
    }

    public MidpointVoltageTracker(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be an even number >= 4, was " + capacity);
        }
        throughputC = new double[capacity];
        voltageV = new double[capacity];
    }

    public void reset() {
        size = 0;
        stride = 1;
        sinceLastKept = 0;
        hasLast = false;
    }

    /**
     * @param cumulativeThroughputC ∫|I| dt of the step so far, in C; must not decrease
     * @param voltage               the sample's voltage, in V
     */
    public void add(double cumulativeThroughputC, double voltage) {
        if (hasLast && cumulativeThroughputC < lastThroughputC) {
            throw new IllegalArgumentException("cumulativeThroughputC must not decrease, was " + cumulativeThroughputC
                    + " C after " + lastThroughputC + " C");
        }
        hasLast = true;
        lastThroughputC = cumulativeThroughputC;
        lastVoltageV = voltage;
        if (size > 0 && ++sinceLastKept < stride) {
            return;
        }
        sinceLastKept = 0;
        if (size == throughputC.length) {
            thinByHalf();
        }
        throughputC[size] = cumulativeThroughputC;
        voltageV[size] = voltage;
        size++;
    }

    private void thinByHalf() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            throughputC[kept] = throughputC[i];
            voltageV[kept] = voltageV[i];
            kept++;
        }
        size = kept;
        stride *= 2;
    }

    /** Voltage at half of the last sample's throughput, in V; NaN without samples or when no charge flowed. */
    public double midpointVoltageV() {
        if (!hasLast || !(lastThroughputC > 0)) {
            return Double.NaN;
        }
        double target = lastThroughputC / 2;
        // The last sample is not always in the buffer; treat it as the final knot.
        int lo = 0;
        int hi = size - 1;
        if (throughputC[hi] < target) {
            return interpolate(throughputC[hi], voltageV[hi], lastThroughputC, lastVoltageV, target);
        }
        // first index with throughput >= target
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (throughputC[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return voltageV[0];
        }
        return interpolate(throughputC[lo - 1], voltageV[lo - 1], throughputC[lo], voltageV[lo], target);
    }

    private static double interpolate(double q0, double v0, double q1, double v1, double q) {
        if (q1 == q0) {
            return v1;
        }
        return v0 + (v1 - v0) * (q - q0) / (q1 - q0);
    }
}
