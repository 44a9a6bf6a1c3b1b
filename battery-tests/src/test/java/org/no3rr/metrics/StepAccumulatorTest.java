package org.no3rr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StepAccumulatorTest {

    @Test
    void galvanostaticDischargeStepSummary() {
        // −5 mA for 100 s (samples every 10 s), V falling linearly 1.5 → 1.0 V:
        // Q_dis = 0.5 C, E_dis = 0.5 C × mean V 1.25 = 0.625 J (V linear, I constant); midpoint V at 0.25 C = 1.25 V;
        // mean current = −0.5 C / 100 s = −5 mA → −2.5 mA cm⁻² on 2 cm²
        StepAccumulator step = new StepAccumulator();
        step.begin(3, 7);
        for (int k = 0; k <= 10; k++) {
            step.add(k * 10_000L, 1.5 - 0.05 * k, -5e-3);
        }
        StepSummary s = step.summary();
        assertThat(s.kind()).isEqualTo(StepKind.DISCHARGE);
        assertThat(s.cycle()).isEqualTo(3);
        assertThat(s.stepNumber()).isEqualTo(7);
        assertThat(s.dischargeCapacityCoulombs()).isCloseTo(0.5, within(1e-14));
        assertThat(s.dischargeCapacityMah()).isCloseTo(0.5 / 3.6, within(1e-14));
        assertThat(s.dischargeEnergyJ()).isCloseTo(0.625, within(1e-14));
        assertThat(s.meanDischargeVoltageV()).isCloseTo(1.25, within(1e-14));
        assertThat(s.midpointVoltageV()).isCloseTo(1.25, within(1e-14));
        assertThat(s.meanCurrentA()).isCloseTo(-5e-3, within(1e-15));
        assertThat(s.meanCurrentDensityMaPerCm2(2.0)).isCloseTo(-2.5, within(1e-12));
        assertThat(s.durationS()).isEqualTo(100.0);
    }

    @Test
    void restStepHasOpenCircuitStatisticsAndNoMidpoint() {
        StepAccumulator step = new StepAccumulator();
        step.begin(1, 1);
        step.add(0, 1.40, 0.0);
        step.add(1000, 1.41, 2e-7);
        StepSummary s = step.summary();
        assertThat(s.kind()).isEqualTo(StepKind.REST);
        assertThat(s.midpointVoltageV()).isNaN();
        assertThat(s.voltage().lastV()).isEqualTo(1.41);
    }

    @Test
    void netPositiveCurrentIsACharge() {
        StepAccumulator step = new StepAccumulator();
        step.begin(1, 2);
        step.add(0, 2.0, 1e-3);
        step.add(1000, 2.0, 1e-3);
        assertThat(step.summary().kind()).isEqualTo(StepKind.CHARGE);
    }
}
