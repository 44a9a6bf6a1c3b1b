package org.no3rr.metrics.electrolysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DoubleLayerCapacitanceTest {

    // scan rates 20 … 100 mV s⁻¹ as in seed 000; j_a = 2.5·ν + 0.01, j_c = −2.5·ν + 0.01 (mA cm⁻², ν in V s⁻¹):
    // (j_a − j_c)/2 = 2.5·ν exactly → Cdl = 2.5 mF cm⁻² = 0.0025 F cm⁻², intercept 0, R² = 1.
    private static final double[] SCAN_RATES = {0.02, 0.04, 0.06, 0.08, 0.10};

    private static DoubleLayerCapacitance fit() {
        double[] ja = new double[SCAN_RATES.length];
        double[] jc = new double[SCAN_RATES.length];
        for (int i = 0; i < SCAN_RATES.length; i++) {
            ja[i] = 2.5 * SCAN_RATES[i] + 0.01;
            jc[i] = -2.5 * SCAN_RATES[i] + 0.01;
        }
        return DoubleLayerCapacitance.fit(SCAN_RATES, ja, jc);
    }

    @Test
    void cdlIsTheSlopeOfHalfTheCurrentDifferenceAgainstScanRate() {
        DoubleLayerCapacitance cdl = fit();
        assertThat(cdl.cdlMfPerCm2()).isCloseTo(2.5, within(1e-12));
        assertThat(cdl.cdlFPerCm2()).isCloseTo(0.0025, within(1e-15));
        assertThat(cdl.interceptMaPerCm2()).isCloseTo(0.0, within(1e-13));
        assertThat(cdl.rSquared()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void ecsaAndEcsaNormalisedCurrentDensity() {
        // Cs = 0.04 mF cm⁻²: roughness = 2.5/0.04 = 62.5; ECSA on 2 cm² = 125 cm²;
        // j = −10 mA cm⁻² → −10 · 0.04 / 2.5 = −0.16 mA cm⁻²_ECSA
        DoubleLayerCapacitance cdl = fit();
        assertThat(cdl.roughnessFactor(0.04)).isCloseTo(62.5, within(1e-10));
        assertThat(cdl.ecsaCm2(0.04, 2.0)).isCloseTo(125.0, within(1e-10));
        assertThat(cdl.ecsaNormalizedCurrentDensityMaPerCm2(-10.0, 0.04)).isCloseTo(-0.16, within(1e-13));
    }

    @Test
    void refusesACathodicCurrentWithTheWrongSign() {
        assertThatThrownBy(() -> DoubleLayerCapacitance.fit(SCAN_RATES, new double[] {1, 1, 1, 1, 1},
                new double[] {0.5, 0.6, 0.7, 0.8, 0.9})).hasMessageContaining("check the sign of j_c");
    }
}
