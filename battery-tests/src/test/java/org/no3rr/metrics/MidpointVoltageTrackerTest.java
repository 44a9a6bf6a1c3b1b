package org.no3rr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MidpointVoltageTrackerTest {

    @Test
    void interpolatesBetweenTheSamplesAroundHalfTheCharge() {
        // knots (Q, V): (0, 1.40) (1, 1.30) (3, 1.20) (4, 1.00). Half of 4 C is 2 C, between (1, 1.30) and (3, 1.20):
        // V = 1.30 + (1.20 − 1.30)·(2 − 1)/(3 − 1) = 1.25 V
        MidpointVoltageTracker tracker = new MidpointVoltageTracker();
        tracker.add(0, 1.40);
        tracker.add(1, 1.30);
        tracker.add(3, 1.20);
        tracker.add(4, 1.00);
        assertThat(tracker.midpointVoltageV()).isCloseTo(1.25, within(1e-15));
    }

    @Test
    void staysExactOnALinearCurveAfterThinning() {
        // capacity 8, 1001 samples of V = 2 − 0.001·Q for Q = 0 … 1000 C: half is 500 C → V = 2 − 0.5 = 1.5 V
        MidpointVoltageTracker tracker = new MidpointVoltageTracker(8);
        for (int q = 0; q <= 1000; q++) {
            tracker.add(q, 2 - 0.001 * q);
        }
        assertThat(tracker.midpointVoltageV()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void isNaNWithoutChargeAndRejectsDecreasingCharge() {
        MidpointVoltageTracker tracker = new MidpointVoltageTracker();
        assertThat(tracker.midpointVoltageV()).isNaN();
        tracker.add(0, 1.0);
        assertThat(tracker.midpointVoltageV()).isNaN();
        tracker.add(2, 1.0);
        assertThatThrownBy(() -> tracker.add(1, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not decrease");
    }
}
