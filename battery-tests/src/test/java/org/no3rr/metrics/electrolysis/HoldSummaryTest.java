package org.no3rr.metrics.electrolysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.TestSteps;
import org.no3rr.protocol.StepKind;

class HoldSummaryTest {

    private static StepSummary hold(int cycle, double currentA) {
        return TestSteps.constant(cycle, cycle, StepKind.HOLD, currentA, -0.6, 3600, 10);
    }

    @Test
    void cathodicChargeAndMeanCurrentDensityOfAOneHourHold() {
        // −20 mA for 3600 s on 0.5 cm²: ∫|I| dt = 72 C; mean j = −20 mA / 0.5 cm² = −40 mA cm⁻²
        HoldSummary summary = HoldSummary.of(hold(1, -0.020), 0.5);
        assertThat(summary.cathodicChargeCoulombs()).isCloseTo(72.0, within(1e-10));
        assertThat(summary.meanCurrentDensityMaPerCm2()).isCloseTo(-40.0, within(1e-10));
        assertThat(summary.durationS()).isEqualTo(3600.0);
        assertThat(summary.durationHours()).isEqualTo(1.0);
    }

    @Test
    void currentRetentionAgainstTheFirstHold() {
        // −20, −19, −18.5 mA → 100 %, 95 %, 92.5 %
        List<CurrentRetention.Point> points = CurrentRetention.relativeToFirst(List.of(
                HoldSummary.of(hold(1, -0.020), 1.0), HoldSummary.of(hold(2, -0.019), 1.0),
                HoldSummary.of(hold(3, -0.0185), 1.0)));
        assertThat(points).extracting(CurrentRetention.Point::cycle).containsExactly(1, 2, 3);
        assertThat(points.get(0).currentRetentionPercent()).isCloseTo(100.0, within(1e-10));
        assertThat(points.get(1).currentRetentionPercent()).isCloseTo(95.0, within(1e-10));
        assertThat(points.get(2).currentRetentionPercent()).isCloseTo(92.5, within(1e-10));
    }
}
