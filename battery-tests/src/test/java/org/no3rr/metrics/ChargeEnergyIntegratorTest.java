package org.no3rr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChargeEnergyIntegratorTest {

    private final ChargeEnergyIntegrator integrator = new ChargeEnergyIntegrator();

    @Test
    void constantDischargeGivesCurrentTimesTimeAndVoltageTimesCharge() {
        // -2 mA at 1.2 V from t = 0 to 600 s, sampled every second:
        // Q_dis = 2e-3 A × 600 s = 1.2 C; E_dis = 1.2 V × 1.2 C = 1.44 J; mean V = 1.44/1.2 = 1.2 V
        for (int s = 0; s <= 600; s++) {
            integrator.add(1_700_000_000_000L + s * 1000L, 1.2, -2e-3);
        }
        assertThat(integrator.dischargeCoulombs()).isCloseTo(1.2, within(1e-12));
        assertThat(integrator.chargeCoulombs()).isZero();
        assertThat(integrator.netChargeCoulombs()).isCloseTo(-1.2, within(1e-12));
        assertThat(integrator.dischargeEnergyJ()).isCloseTo(1.44, within(1e-12));
        assertThat(integrator.meanDischargeVoltageV()).isCloseTo(1.2, within(1e-12));
        assertThat(integrator.meanChargeVoltageV()).isNaN();
        assertThat(integrator.durationS()).isEqualTo(600.0);
    }

    @Test
    void segmentCrossingZeroIsSplitAtTheCrossing() {
        // (t, V, I) = (0 s, 1.0 V, +3 mA) → (4 s, 2.0 V, −1 mA). I = 0 at f = 3/(3+1) = 0.75 → t = 3 s, V = 1.75 V.
        // Q_ch  = 3 s × 3 mA / 2 = 4.5 mC;  Q_dis = 1 s × 1 mA / 2 = 0.5 mC
        // E_ch  = 3·(2·1.0·3 + 1.0·0 + 1.75·3 + 2·1.75·0)/6 mJ = 3·11.25/6 = 5.625 mJ
        // E_dis = 1·(2·1.75·0 + 1.75·1 + 2.0·0 + 2·2.0·1)/6 mJ = 5.75/6 mJ = 0.958333… mJ
        integrator.add(0, 1.0, 3e-3);
        integrator.add(4000, 2.0, -1e-3);
        assertThat(integrator.chargeCoulombs()).isCloseTo(4.5e-3, within(1e-15));
        assertThat(integrator.dischargeCoulombs()).isCloseTo(0.5e-3, within(1e-15));
        assertThat(integrator.chargeEnergyJ()).isCloseTo(5.625e-3, within(1e-15));
        assertThat(integrator.dischargeEnergyJ()).isCloseTo(5.75e-3 / 6, within(1e-15));
    }

    @Test
    void energyUsesTheExactProductIntegralNotTheTrapezoidOfTheProduct() {
        // V 1 → 2 V, I 1 → 3 mA over 6 s: ∫V·I dt = 6·(2·1·1 + 1·3 + 2·1 + 2·2·3)/6 mJ = 19 mJ.
        // (The trapezoid of the product would give 6·(1 + 6)/2 = 21 mJ.) Q = 6·(1+3)/2 = 12 mC; mean V = 19/12 V.
        integrator.add(0, 1.0, 1e-3);
        integrator.add(6000, 2.0, 3e-3);
        assertThat(integrator.chargeEnergyJ()).isCloseTo(19e-3, within(1e-15));
        assertThat(integrator.chargeCoulombs()).isCloseTo(12e-3, within(1e-15));
        assertThat(integrator.meanChargeVoltageV()).isCloseTo(19.0 / 12.0, within(1e-12));
    }

    @Test
    void startAtSetsTheFirstSegmentsOriginWithoutIntegrating() {
        // origin (0 s, 1.5 V, −4 mA) held to the sample at 10 s: Q_dis = 4 mA × 10 s = 40 mC, E = 1.5 × 0.04 = 0.06 J
        integrator.startAt(0, 1.5, -4e-3);
        integrator.add(10_000, 1.5, -4e-3);
        assertThat(integrator.dischargeCoulombs()).isCloseTo(0.04, within(1e-15));
        assertThat(integrator.dischargeEnergyJ()).isCloseTo(0.06, within(1e-15));
        assertThat(integrator.firstEpochMillis()).isZero();
    }

    @Test
    void timeGoingBackwardsIsRejectedWithBothTimes() {
        integrator.add(5000, 1.0, 1e-3);
        assertThatThrownBy(() -> integrator.add(4000, 1.0, 1e-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4000").hasMessageContaining("5000");
    }

    @Test
    void nonFiniteCurrentIsRejected() {
        integrator.add(0, 1.0, 1e-3);
        assertThatThrownBy(() -> integrator.add(1000, 1.0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void resetForgetsEverything() {
        integrator.add(0, 1.0, 1e-3);
        integrator.add(1000, 1.0, 1e-3);
        integrator.reset();
        integrator.add(0, 1.0, 1e-3);
        assertThat(integrator.throughputCoulombs()).isZero();
        assertThat(integrator.hasSamples()).isTrue();
    }
}
