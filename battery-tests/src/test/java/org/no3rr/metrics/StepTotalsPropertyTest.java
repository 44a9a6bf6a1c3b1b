package org.no3rr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests, seeded so a failure is reproducible: on random piecewise-linear V(t), I(t)
 * (currents of both signs, so zero crossings occur), {@link StepTotals} equals an independent exact
 * reference, and resampling the same signal at extra random points (knots included) changes
 * nothing.
 */
class StepTotalsPropertyTest {

    private static final double RELATIVE = 1e-9;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 50);
    }

    /** Knots of a random piecewise-linear signal: times in ms (strictly increasing), V, I. */
    private record Signal(long[] t, double[] v, double[] i) {

        static Signal random(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int knots = 2 + random.nextInt(40);
            long[] t = new long[knots];
            double[] v = new double[knots];
            double[] i = new double[knots];
            long time = 1_700_000_000_000L + random.nextLong(1_000_000);
            for (int k = 0; k < knots; k++) {
                time += 1 + random.nextLong(120_000);
                t[k] = time;
                v[k] = 0.5 + 1.5 * random.nextDouble();
                i[k] = (random.nextDouble() - 0.5) * 0.02;
            }
            return new Signal(t, v, i);
        }

        double voltageAt(long time) {
            return interpolate(v, time);
        }

        double currentAt(long time) {
            return interpolate(i, time);
        }

        private double interpolate(double[] values, long time) {
            int k = Arrays.binarySearch(t, time);
            if (k >= 0) {
                return values[k];
            }
            int right = -k - 1;
            int left = right - 1;
            double f = (double) (time - t[left]) / (t[right] - t[left]);
            return values[left] + f * (values[right] - values[left]);
        }
    }

    /**
     * Independent reference: split each segment at its zero crossing and integrate every
     * same-sign piece with Simpson's rule, exact for the quadratic V·I and the linear I.
     */
    private static double[] reference(Signal s) {
        double qCh = 0;
        double qDis = 0;
        double eCh = 0;
        double eDis = 0;
        for (int k = 1; k < s.t.length; k++) {
            double h = (s.t[k] - s.t[k - 1]) / 1000.0;
            double v0 = s.v[k - 1];
            double v1 = s.v[k];
            double i0 = s.i[k - 1];
            double i1 = s.i[k];
            double[] cuts = (i0 * i1 < 0) ? new double[] {0, i0 / (i0 - i1), 1} : new double[] {0, 1};
            for (int p = 1; p < cuts.length; p++) {
                double a = cuts[p - 1];
                double b = cuts[p];
                double m = (a + b) / 2;
                double width = (b - a) * h;
                double q = width / 6 * (lin(i0, i1, a) + 4 * lin(i0, i1, m) + lin(i0, i1, b));
                double e = width / 6 * (lin(v0, v1, a) * lin(i0, i1, a) + 4 * lin(v0, v1, m) * lin(i0, i1, m)
                        + lin(v0, v1, b) * lin(i0, i1, b));
                if (lin(i0, i1, m) > 0) {
                    qCh += q;
                    eCh += e;
                } else {
                    qDis -= q;
                    eDis -= e;
                }
            }
        }
        return new double[] {qCh, qDis, eCh, eDis};
    }

    private static double lin(double y0, double y1, double f) {
        return y0 + f * (y1 - y0);
    }

    private static double[] integrate(long[] t, Signal s) {
        StepTotals totals = StepTotals.EMPTY;
        for (long time : t) {
            totals = totals.plus(time, s.voltageAt(time), s.currentAt(time));
        }
        return new double[] {totals.chargeCoulombs(), totals.dischargeCoulombs(),
                totals.chargeEnergyJ(), totals.dischargeEnergyJ()};
    }

    private static void assertClose(double[] actual, double[] expected) {
        for (int k = 0; k < expected.length; k++) {
            double tolerance = Math.max(1e-15, RELATIVE * Math.abs(expected[k]));
            assertThat(actual[k]).as("component %d", k).isCloseTo(expected[k], within(tolerance));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void chargeAndEnergyAreExactOnPiecewiseLinearSignals(long seed) {
        Signal signal = Signal.random(seed);
        assertClose(integrate(signal.t, signal), reference(signal));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void resamplingAtExtraRandomPointsChangesNothing(long seed) {
        Signal signal = Signal.random(seed);
        SplittableRandom random = new SplittableRandom(seed * 7919);
        long first = signal.t[0];
        long last = signal.t[signal.t.length - 1];
        long[] extra = random.longs(5 + random.nextInt(2000), first, last + 1).toArray();
        long[] resampled = LongStream.concat(Arrays.stream(signal.t), Arrays.stream(extra)).sorted().toArray();
        assertClose(integrate(resampled, signal), integrate(signal.t, signal));
        assertClose(integrate(resampled, signal), reference(signal));
    }
}
