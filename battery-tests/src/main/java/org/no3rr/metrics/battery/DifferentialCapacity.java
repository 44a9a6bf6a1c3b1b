package org.no3rr.metrics.battery;

import org.no3rr.metrics.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Differential (incremental) capacity dQ/dV of one charge or discharge, by voltage binning: the
 * capacity passed while the cell voltage was inside each bin of width w, divided by w.
 *
 * <p>Why binning: dividing consecutive differences ΔQ/ΔV of raw samples divides by the ADC's noise
 * wherever the voltage is flat — exactly on the plateaus that dQ/dV is meant to show. Binning is the
 * smoothing, and its one parameter, w, is stated with every result: a peak is averaged over w (for a
 * peak of half-width s, the bin centred on it shows Q_max·tanh(w/4s)/w instead of Q_max/4s), and
 * noise of amplitude a in V moves charge only between bins within a of each other.
 *
 * <p>How: the points are taken as a path, linear in both Q and V between consecutive samples (the
 * samples' own resolution, nothing interpolated beyond it). Each segment's ΔQ is split among the bins
 * it crosses in proportion to the voltage it spends in each; a segment with no voltage change puts
 * its ΔQ in the bin of that voltage. Bin k spans [k·w, (k + 1)·w). Noise that crosses a bin edge back
 * and forth adds the charge passed at those voltages to both bins, which is what was passed there.
 *
 * <p>Sign: Q is the capacity passed in the half, growing from 0. On a discharge the voltage falls as
 * Q grows, so dQ/dV is negative; on a charge it is positive — the usual incremental-capacity
 * convention, in which charge peaks point up and discharge peaks down. Memory is one number per bin
 * touched, whatever the number of samples.
 */
public final class DifferentialCapacity {

    /**
     * @param voltageV    the bin's centre, (k + ½)·w
     * @param dqDvMahPerV signed dQ/dV, mAh V⁻¹: − on a discharge, + on a charge
     * @param capacityMah the capacity passed while the voltage was in the bin, mAh (≥ 0)
     */
    public record Bin(double voltageV, double dqDvMahPerV, double capacityMah) {
    }

    private final double binWidthV;
    private final double sign;
    private final Map<Long, double[]> capacityByBin = new TreeMap<>();
    private double lastVoltageV = Double.NaN;
    private double lastCapacityMah = Double.NaN;

    private DifferentialCapacity(double binWidthV, double sign) {
        this.binWidthV = Arguments.requirePositive("binWidthV", binWidthV);
        this.sign = sign;
    }

    /** For a discharge: dQ/dV negative. */
    public static DifferentialCapacity ofDischarge(double binWidthV) {
        return new DifferentialCapacity(binWidthV, -1);
    }

    /** For a charge: dQ/dV positive. */
    public static DifferentialCapacity ofCharge(double binWidthV) {
        return new DifferentialCapacity(binWidthV, +1);
    }

    public double binWidthV() {
        return binWidthV;
    }

    /**
     * The next point of the half, in order.
     *
     * @param capacityMah capacity passed since the half began, mAh; never decreasing
     * @throws IllegalArgumentException for a value that is not finite or a capacity below the last one
     */
    public void add(double voltageV, double capacityMah) {
        Arguments.requireFinite("voltageV", voltageV);
        Arguments.requireFinite("capacityMah", capacityMah);
        if (!Double.isNaN(lastVoltageV)) {
            if (capacityMah < lastCapacityMah) {
                throw new IllegalArgumentException("capacityMah must not decrease within a half, went from "
                        + lastCapacityMah + " to " + capacityMah + " mAh");
            }
            spread(lastVoltageV, voltageV, capacityMah - lastCapacityMah);
        }
        lastVoltageV = voltageV;
        lastCapacityMah = capacityMah;
    }

    /** The bins that received a segment, in order of rising voltage. */
    public List<Bin> bins() {
        List<Bin> bins = new ArrayList<>(capacityByBin.size());
        capacityByBin.forEach((k, mah) -> bins.add(new Bin((k + 0.5) * binWidthV, sign * mah[0] / binWidthV, mah[0])));
        return List.copyOf(bins);
    }

    private void spread(double fromV, double toV, double capacityMah) {
        double low = Math.min(fromV, toV);
        double high = Math.max(fromV, toV);
        long first = binOf(low);
        if (high == low) {
            add(first, capacityMah);
            return;
        }
        long last = binOf(high);
        for (long k = first; k <= last; k++) {
            double inside = Math.min(high, (k + 1) * binWidthV) - Math.max(low, k * binWidthV);
            if (inside > 0) {
                add(k, capacityMah * inside / (high - low));
            }
        }
    }

    private long binOf(double voltageV) {
        return (long) Math.floor(voltageV / binWidthV);
    }

    private void add(long bin, double capacityMah) {
        capacityByBin.computeIfAbsent(bin, k -> new double[1])[0] += capacityMah;
    }
}
