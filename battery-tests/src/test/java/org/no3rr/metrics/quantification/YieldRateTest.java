package org.no3rr.metrics.quantification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class YieldRateTest {

    @Test
    void threeNormalisations() {
        // 0.5 mmol NH3 in 2 h on 2 cm² with 2 mg catalyst: mass = 0.5e-3 · 17.031 g = 8.5155 mg
        // → 8.5155 / 2 h / 2 mg = 2.128875 mg h⁻¹ mg⁻¹; 8515.5 µg / 2 h / 2 cm² = 2128.875 µg h⁻¹ cm⁻²;
        // 500 µmol / 2 h / 2 cm² = 125 µmol h⁻¹ cm⁻²
        YieldRate rate = YieldRate.of(0.5e-3, Analyte.NH3, 7200, 2.0, 2.0);
        assertThat(rate.mgPerHourPerMgCat()).isCloseTo(2.128875, within(1e-12));
        assertThat(rate.ugPerHourPerCm2()).isCloseTo(2128.875, within(1e-9));
        assertThat(rate.umolPerHourPerCm2()).isCloseTo(125.0, within(1e-10));
    }

    @Test
    void perCatalystMassIsNaNWithoutTheMass() {
        assertThat(YieldRate.of(0.5e-3, Analyte.NH3, 7200, 2.0, Double.NaN).mgPerHourPerMgCat()).isNaN();
    }
}
