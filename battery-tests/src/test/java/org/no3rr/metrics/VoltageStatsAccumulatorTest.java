package org.no3rr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VoltageStatsAccumulatorTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void openCircuitStatisticsAreTimeWeightedWithALeastSquaresDrift() {
        // (t, V) = (0 h, 1.0) (1 h, 1.0) (3 h, 2.0)
        // ∫V dt = 1 h·(1.0 + 1.0)/2 + 2 h·(1.0 + 2.0)/2 = 1 + 3 = 4 V·h over 3 h → mean 4/3 V (sample mean would also be 4/3;
        // see the next test for a case where they differ)
        // drift: x̄ = 4/3 h, ȳ = 4/3 V, Sxx = (16 + 1 + 25)/9 = 42/9, Sxy = (4 + 1 + 10)/9 = 15/9 → 15/42 = 5/14 V/h
        VoltageStatsAccumulator stats = new VoltageStatsAccumulator();
        long t0 = 1_700_000_000_000L;
        stats.add(t0, 1.0);
        stats.add(t0 + HOUR, 1.0);
        stats.add(t0 + 3 * HOUR, 2.0);
        VoltageStats s = stats.stats();
        assertThat(s.meanV()).isCloseTo(4.0 / 3.0, within(1e-12));
        assertThat(s.driftVPerHour()).isCloseTo(5.0 / 14.0, within(1e-12));
        assertThat(s.minV()).isEqualTo(1.0);
        assertThat(s.maxV()).isEqualTo(2.0);
        assertThat(s.firstV()).isEqualTo(1.0);
        assertThat(s.lastV()).isEqualTo(2.0);
        assertThat(s.sampleCount()).isEqualTo(3);
    }

    @Test
    void denseSamplingDoesNotBiasTheMean() {
        // 1.0 V for 1 h sampled once, then 2.0 V sampled 10× within the last minute:
        // (0, 1.0) (60 min, 1.0) then 10 samples at 2.0 V, at 60 min + 6 s·k, k = 1…10 (last at 61 min)
        // ∫ = 60 min·1.0 + 6 s·(1.0 + 2.0)/2 + 54 s·2.0 = 3600 + 9 + 108 = 3717 V·s over 3660 s → 1.015573770… V
        VoltageStatsAccumulator stats = new VoltageStatsAccumulator();
        stats.add(0, 1.0);
        stats.add(HOUR, 1.0);
        for (int k = 1; k <= 10; k++) {
            stats.add(HOUR + 6000L * k, 2.0);
        }
        assertThat(stats.stats().meanV()).isCloseTo(3717.0 / 3660.0, within(1e-12));
    }

    @Test
    void singleSampleHasItsValueAsMeanAndNoDrift() {
        VoltageStatsAccumulator stats = new VoltageStatsAccumulator();
        stats.add(0, 1.43);
        assertThat(stats.stats().meanV()).isEqualTo(1.43);
        assertThat(stats.stats().driftVPerHour()).isNaN();
    }
}
