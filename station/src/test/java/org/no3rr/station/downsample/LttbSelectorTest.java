package org.no3rr.station.downsample;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LTTB on series small enough to check by hand, and its promises on larger ones. */
class LttbSelectorTest {

    /**
     * Ten points, four kept: buckets [1,5) and [5,9). Twice the triangle areas, by hand:
     * bucket 1 with anchor (0,0) and next mean (6.5,−0.5): p1 7, p2 33.5, p3 14.5, p4 2 → index 2;
     * bucket 2 with anchor (2,5) and the last point (9,0): p5 20, p6 36, p7 3, p8 5 → index 6.
     */
    @Test
    void keepsTheLargestTrianglesOfAHandMadeSeries() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] y = {0, 1, 5, 2, 0, 0, -3, 1, 0, 0};

        assertThat(LttbSelector.select(x, y, 4)).containsExactly(0, 2, 6, 9);
    }

    @Test
    void onATieTheEarlierPointWins() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 1, -1, 1, 0};

        // buckets [1,2), [2,3), [3,4): each holds one point; with three buckets all are kept
        assertThat(LttbSelector.select(x, y, 5)).containsExactly(0, 1, 2, 3, 4);
        // one bucket [1,4) against anchor (0,0) and last (4,0): |−4·y| is 4 for all three → index 1
        assertThat(LttbSelector.select(x, y, 3)).containsExactly(0, 1, 4);
    }

    @Test
    void returnsEveryPointWhenThereAreNoMoreThanMaxPoints() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {3, 1, 4, 1, 5};

        assertThat(LttbSelector.select(x, y, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(LttbSelector.select(x, y, 2000)).containsExactly(0, 1, 2, 3, 4);
        assertThat(LttbSelector.select(new double[0], new double[0], 10)).isEmpty();
        assertThat(LttbSelector.select(new double[] {7}, new double[] {1}, 10)).containsExactly(0);
    }

    @Test
    void twoPointsAreTheFirstAndTheLast() {
        double[] x = {0, 1, 2, 3};
        double[] y = {0, 9, -9, 0};

        assertThat(LttbSelector.select(x, y, 2)).containsExactly(0, 3);
    }

    @Test
    void keepsExactlyMaxPointsIncludingFirstAndLastOfALargeSeries() {
        int n = 100_003;
        double[] x = new double[n];
        double[] y = new double[n];
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            x[i] = i * 1000.0;
            y[i] = Math.sin(i / 500.0) + 0.01 * random.nextGaussian();
        }

        for (int maxPoints : new int[] {3, 10, 2000, 20_000}) {
            int[] kept = LttbSelector.select(x, y, maxPoints);
            assertThat(kept).as("maxPoints %d", maxPoints).hasSize(maxPoints).startsWith(0).endsWith(n - 1);
            for (int i = 1; i < kept.length; i++) {
                assertThat(kept[i]).isGreaterThan(kept[i - 1]);
            }
            assertThat(kept).containsExactly(reference(x, y, maxPoints));
        }
    }

    @Test
    void keepsAPeakThatEveryOtherMethodOfThinningWouldMiss() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i == 4321 ? 5.0 : 1.0;
        }

        assertThat(LttbSelector.select(x, y, 100)).contains(4321);
    }

    @Test
    void refusesMorePointsThanAnnounced() {
        LttbSelector<String> selector = new LttbSelector<>(2, 10, (index, point) -> { });
        selector.add(0, 0, "a");
        selector.add(1, 0, "b");

        assertThatThrownBy(() -> selector.add(2, 0, "c")).isInstanceOf(IllegalStateException.class)
                .hasMessage("only 2 points were announced; point 3 is one too many");
    }

    @Test
    void refusesFewerThanTwoPoints() {
        assertThatThrownBy(() -> new LttbSelector<String>(5, 1, (index, point) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxPoints must be 2 or more, was 1");
    }

    /** The textbook, all-in-memory LTTB (Steinarsson's reference code), as an oracle. */
    private static int[] reference(double[] x, double[] y, int threshold) {
        int n = x.length;
        List<Integer> kept = new ArrayList<>();
        kept.add(0);
        int a = 0;
        for (int i = 0; i < threshold - 2; i++) {
            int avgStart = (int) (1 + (long) (i + 1) * (n - 2) / (threshold - 2));
            int avgEnd = (int) Math.min(n, 1 + (long) (i + 2) * (n - 2) / (threshold - 2));
            if (i == threshold - 3) {
                avgStart = n - 1;
                avgEnd = n;
            }
            double avgX = 0;
            double avgY = 0;
            for (int j = avgStart; j < avgEnd; j++) {
                avgX += x[j];
                avgY += y[j];
            }
            avgX /= avgEnd - avgStart;
            avgY /= avgEnd - avgStart;
            int from = (int) (1 + (long) i * (n - 2) / (threshold - 2));
            int to = (int) (1 + (long) (i + 1) * (n - 2) / (threshold - 2));
            double best = -1;
            int chosen = from;
            for (int j = from; j < to; j++) {
                double area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a]));
                if (area > best) {
                    best = area;
                    chosen = j;
                }
            }
            kept.add(chosen);
            a = chosen;
        }
        kept.add(n - 1);
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
