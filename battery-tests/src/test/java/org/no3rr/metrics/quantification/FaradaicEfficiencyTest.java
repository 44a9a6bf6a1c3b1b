package org.no3rr.metrics.quantification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FaradaicEfficiencyTest {

    @Test
    void electronsPerProduct() {
        // 0.001 mol L⁻¹ in 0.04 L = 4e-5 mol; Q = 10 C
        // NO3⁻→NO2⁻: 2 · 96485.332 · 4e-5 / 10 = 0.7718826560
        assertThat(FaradaicEfficiency.ofDissolved(ReductionReaction.NITRATE_TO_NITRITE, 1e-3, 0.04, 10).fraction())
                .isCloseTo(0.771882656, within(1e-12));
        // NO3⁻→N2H4 (14 e⁻): 1e-5 mol L⁻¹ · 0.04 L = 4e-7 mol → 14 · 96485.332 · 4e-7 / 10 = 0.05403178592
        assertThat(FaradaicEfficiency.ofDissolved(ReductionReaction.NITRATE_TO_HYDRAZINE, 1e-5, 0.04, 10).fraction())
                .isCloseTo(0.05403178592, within(1e-13));
        // NO2⁻→NH3 (6 e⁻): 2e-4 · 0.04 = 8e-6 mol → 6 · 96485.332 · 8e-6 / 10 = 0.4631295936
        assertThat(FaradaicEfficiency.ofDissolved(ReductionReaction.NITRITE_TO_AMMONIA, 2e-4, 0.04, 10).fraction())
                .isCloseTo(0.4631295936, within(1e-13));
        assertThat(ReductionReaction.NITRATE_TO_AMMONIA.electrons()).isEqualTo(8);
        assertThat(ReductionReaction.HYDROGEN_EVOLUTION.electrons()).isEqualTo(2);
    }

    @Test
    void aboveHundredPercentIsReportedUnclampedWithTheFlag() {
        // 1e-4 mol NH3, 8 e⁻, Q = 70 C: 8 · 96485.332 · 1e-4 / 70 = 77.1882656 / 70 = 1.102689508571… → 110.27 %
        FaradaicEfficiency fe = FaradaicEfficiency.of(ReductionReaction.NITRATE_TO_AMMONIA, 1e-4, 70);
        assertThat(fe.fraction()).isCloseTo(77.1882656 / 70, within(1e-14));
        assertThat(fe.percent()).isCloseTo(7718.82656 / 70, within(1e-12));
        assertThat(fe.exceedsHundredPercent()).isTrue();
    }

    @Test
    void refusesAChargeThatIsNotPositive() {
        assertThatThrownBy(() -> FaradaicEfficiency.of(ReductionReaction.NITRATE_TO_AMMONIA, 1e-4, -5))
                .hasMessageContaining("chargeCoulombs").hasMessageContaining("> 0").hasMessageContaining("-5.0");
    }

    @Test
    void hydrogenFromAGasChromatographReading() {
        // 1000 ppm H2 in 18 mL min⁻¹ Ar for 100 min (6000 s): gas 1.8 L → 1.8e-3 L H2;
        // at V_m = 24.465 L mol⁻¹: 1.8e-3 / 24.465 = 7.357449417535e-5 mol;
        // Q = 40 C: 2 · 96485.332 · 7.357449417535e-5 / 40 = 14.19771899448 / 40 = 0.354942974862
        GasChromatographReading gc = new GasChromatographReading(1000, 18, 6000);
        assertThat(gc.hydrogenMol(24.465)).isCloseTo(7.357449417535e-5, within(1e-17));
        assertThat(gc.faradaicEfficiency(40, 24.465).fraction()).isCloseTo(0.354942974862, within(1e-11));
        // R·T/p = 8.314462618 · 298.15 / 101325 m³ = 24.46540370 L mol⁻¹
        assertThat(GasChromatographReading.molarVolumeAt25CelsiusOneAtmLPerMol()).isCloseTo(24.4654037, within(1e-7));
    }

    @Test
    void ammoniaBasisConversions() {
        // 14.007 mg L⁻¹ as N = 1e-3 mol L⁻¹ = 17.031 mg L⁻¹ as NH3 = 18.039 mg L⁻¹ as NH4⁺
        double molPerL = AmmoniaBasis.AS_N.molPerLFromMgPerL(14.007);
        assertThat(molPerL).isCloseTo(1e-3, within(1e-18));
        assertThat(AmmoniaBasis.AS_NH3.mgPerLFromMolPerL(molPerL)).isCloseTo(17.031, within(1e-12));
        assertThat(AmmoniaBasis.AS_NH4_PLUS.mgPerLFromMolPerL(molPerL)).isCloseTo(18.039, within(1e-12));
    }
}
