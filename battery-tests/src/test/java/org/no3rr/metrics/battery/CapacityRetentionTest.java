package org.no3rr.metrics.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.TestSteps;
import org.no3rr.metrics.battery.CapacityRetention.RetentionPoint;

class CapacityRetentionTest {

    private static List<CycleSummary> cyclesWithDischargeCoulombs(double... capacities) {
        List<CycleSummary> cycles = new ArrayList<>();
        for (int i = 0; i < capacities.length; i++) {
            // a discharge of capacities[i] C: 1 A for capacities[i] × 10 × 0.1 s
            cycles.add(CycleSummary.begin(i + 1, true)
                    .plus(TestSteps.constant(i + 1, 2 * i + 1, 1.0, 1.9, 10, 1))
                    .plus(dischargeOf(i + 1, 2 * i + 2, capacities[i])));
        }
        return cycles;
    }

    private static org.no3rr.metrics.StepSummary dischargeOf(int cycle, int step, double coulombs) {
        return TestSteps.constant(cycle, step, -coulombs / 10, 1.2, 10, 1);
    }

    @Test
    void retentionAgainstTheFirstCycleAndFadeAsLeastSquaresSlope() {
        // 10, 9.8, 9.6, 9.4 C vs 10 C → 100, 98, 96, 94 %; slope −2 %/cycle → fade 2 %/cycle
        CapacityRetention retention = CapacityRetention.of(cyclesWithDischargeCoulombs(10, 9.8, 9.6, 9.4),
                RetentionReference.firstCycle());
        assertThat(retention.referenceDischargeCapacityCoulombs()).isEqualTo(10.0);
        assertThat(retention.points()).extracting(RetentionPoint::cycle).containsExactly(1, 2, 3, 4);
        double[] expected = {100, 98, 96, 94};
        for (int i = 0; i < expected.length; i++) {
            assertThat(retention.points().get(i).retentionPercent()).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(retention.fadePercentPerCycle()).isCloseTo(2.0, within(1e-12));
        assertThat(retention.reference().description()).isEqualTo("discharge capacity of the first cycle");
    }

    @Test
    void medianOfFirstKIsRobustToAnActivationCycle() {
        // first three: 8 (activation), 10, 10.4 → median 10; cycle 4 = 9.5 → 95 %
        // fade: retention 80, 100, 104, 95 against 1…4: x̄ = 2.5, ȳ = 94.75,
        // Sxy = (−1.5)(−14.75) + (−0.5)(5.25) + (0.5)(9.25) + (1.5)(0.25) = 22.125 − 2.625 + 4.625 + 0.375 = 24.5,
        // Sxx = 5 → slope 4.9 → fade −4.9 %/cycle (capacity grew)
        CapacityRetention retention = CapacityRetention.of(cyclesWithDischargeCoulombs(8, 10, 10.4, 9.5),
                RetentionReference.medianOfFirst(3));
        assertThat(retention.referenceDischargeCapacityCoulombs()).isEqualTo(10.0);
        assertThat(retention.points().get(3).retentionPercent()).isCloseTo(95.0, within(1e-12));
        assertThat(retention.fadePercentPerCycle()).isCloseTo(-4.9, within(1e-12));
    }

    @Test
    void medianOfAnEvenCountAveragesTheMiddleTwo() {
        assertThat(RetentionReference.medianOfFirst(4).referenceOf(new double[] {4, 1, 3, 2, 100})).isEqualTo(2.5);
    }

    @Test
    void refusesTooFewCyclesForTheReference() {
        assertThatThrownBy(() -> CapacityRetention.of(cyclesWithDischargeCoulombs(10, 9),
                RetentionReference.medianOfFirst(3))).hasMessageContaining("at least 3").hasMessageContaining("had 2");
    }

    @Test
    void singleCycleHasNoFade() {
        assertThat(CapacityRetention.of(cyclesWithDischargeCoulombs(10), RetentionReference.firstCycle())
                .fadePercentPerCycle()).isNaN();
    }
}
