package org.no3rr.station.downsample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013) as a stream: points are added one at a time in
 * x order, and the chosen ones are handed to a {@link Sink} as soon as they are known, so a chart
 * of a million samples never needs a million samples in memory.
 *
 * <p>The number of points is announced up front, which fixes the buckets exactly as the original
 * algorithm does: the first and the last point are always kept; the {@code n − 2} points between
 * them are split into {@code maxPoints − 2} buckets, bucket {@code i} starting at index
 * {@code 1 + ⌊i·(n−2)/(maxPoints−2)⌋} (integer arithmetic, so no rounding moves a boundary). From
 * each bucket the point is kept that spans the largest triangle with the point kept from the
 * bucket before and the mean of the bucket after (the last point, for the last bucket); on a tie
 * the earlier point wins. With {@code n ≤ maxPoints} every point is kept.
 *
 * <p>A bucket can only be decided once the next one is complete, so two buckets are held:
 * memory is {@code 2·⌈(n−2)/(maxPoints−2)⌉} points, whatever {@code n} is relative to the chart.
 *
 * @param <T> what the caller wants back for a kept point (a stored sample, an index, …)
 */
public final class LttbSelector<T> {

    /** Receives the kept points in order. */
    @FunctionalInterface
    public interface Sink<T> {
        void kept(long index, T point);
    }

    private final long count;
    private final int maxPoints;
    private final Sink<T> sink;
    private long next;
    private int filling;
    private long fillingEnds;
    private Bucket<T> pending;
    private Bucket<T> fill;
    private double anchorX;
    private double anchorY;

    /**
     * @param count     how many points will be added, at least 0
     * @param maxPoints the most points to keep, at least 2
     */
    public LttbSelector(long count, int maxPoints, Sink<T> sink) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be 2 or more, was " + maxPoints);
        }
        this.count = count;
        this.maxPoints = maxPoints;
        this.sink = sink;
        if (count > maxPoints && maxPoints > 2) {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (count - 2 + maxPoints - 3) / (maxPoints - 2));
            this.pending = new Bucket<>(capacity);
            this.fill = new Bucket<>(capacity);
            this.fillingEnds = bucketStart(1);
        }
    }

    /** Keeps the first and last point and picks the rest with LTTB; see the class comment. */
    public static int[] select(double[] x, double[] y, int maxPoints) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, were " + x.length + " and "
                    + y.length);
        }
        List<Integer> kept = new ArrayList<>();
        LttbSelector<Integer> selector = new LttbSelector<>(x.length, maxPoints, (index, point) -> kept.add(point));
        for (int i = 0; i < x.length; i++) {
            selector.add(x[i], y[i], i);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Adds the next point; x must not decrease.
     *
     * @throws IllegalStateException if more points are added than were announced
     */
    public void add(double x, double y, T point) {
        if (next >= count) {
            throw new IllegalStateException("only " + count + " points were announced; point " + (next + 1)
                    + " is one too many");
        }
        long index = next++;
        if (count <= maxPoints || index == 0) {
            keep(index, x, y, point);
            return;
        }
        if (index == count - 1) {
            if (fill != null) {
                while (filling < maxPoints - 2) {
                    completeBucket();
                }
                fill.add(index, x, y, point);
                completeBucket();
            }
            sink.kept(index, point);
            return;
        }
        if (fill == null) {
            return;
        }
        while (index >= fillingEnds) {
            completeBucket();
        }
        fill.add(index, x, y, point);
    }

    /** How many points have been added so far. */
    public long added() {
        return next;
    }

    /** The bucket being filled is complete: decide the one before it with this one's mean. */
    private void completeBucket() {
        if (pending.size > 0) {
            int best = pending.largestTriangle(anchorX, anchorY, fill.meanX(), fill.meanY());
            keep(pending.index[best], pending.x[best], pending.y[best], pending.point(best));
        }
        Bucket<T> decided = pending;
        pending = fill;
        fill = decided;
        fill.clear();
        filling++;
        fillingEnds = filling + 1 <= maxPoints - 2 ? bucketStart(filling + 1) : count;
    }

    private long bucketStart(int bucket) {
        return bucket >= maxPoints - 2 ? count - 1 : 1 + bucket * (count - 2) / (maxPoints - 2);
    }

    private void keep(long index, double x, double y, T point) {
        anchorX = x;
        anchorY = y;
        sink.kept(index, point);
    }

    /** The points of one bucket, reused from bucket to bucket. */
    private static final class Bucket<T> {
        private final long[] index;
        private final double[] x;
        private final double[] y;
        private final Object[] points;
        private int size;
        private double sumX;
        private double sumY;

        private Bucket(int capacity) {
            index = new long[capacity];
            x = new double[capacity];
            y = new double[capacity];
            points = new Object[capacity];
        }

        private void add(long i, double px, double py, T point) {
            index[size] = i;
            x[size] = px;
            y[size] = py;
            points[size] = point;
            size++;
            sumX += px;
            sumY += py;
        }

        private double meanX() {
            return sumX / size;
        }

        private double meanY() {
            return sumY / size;
        }

        /** Twice the triangle's area is |(a−c)×(p−a)|; the factor ½ does not change which point wins. */
        private int largestTriangle(double ax, double ay, double cx, double cy) {
            int best = 0;
            double bestArea = -1;
            for (int i = 0; i < size; i++) {
                double area = Math.abs((ax - cx) * (y[i] - ay) - (ax - x[i]) * (cy - ay));
                if (area > bestArea) {
                    bestArea = area;
                    best = i;
                }
            }
            return best;
        }

        @SuppressWarnings("unchecked")
        private T point(int i) {
            return (T) points[i];
        }

        private void clear() {
            Arrays.fill(points, 0, size, null);
            size = 0;
            sumX = 0;
            sumY = 0;
        }
    }
}
