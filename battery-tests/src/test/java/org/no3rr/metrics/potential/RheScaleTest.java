package org.no3rr.metrics.potential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;

class RheScaleTest {

    @Test
    void agAgClToRheAt25CelsiusWithTheRoundedSlope() {
        // −0.8 V vs Ag/AgCl, E_ref 0.197 V, pH 7: −0.8 + 0.197 + 0.0592·7 = −0.8 + 0.197 + 0.4144 = −0.1886 V vs RHE
        RheScale scale = RheScale.at25Celsius(0.197, 7.0);
        assertThat(scale.toRhe(-0.8)).isCloseTo(-0.1886, within(1e-12));
        assertThat(scale.toReference(-0.1886)).isCloseTo(-0.8, within(1e-12));
    }

    @Test
    void nernstSlopeFromTemperature() {
        // ln 10 · 8.314462618 · 298.15 / 96485.332 = 2.302585093 · 2479.0070 / 96485.332 = 0.0591593497… V
        // at 25 °C: −0.8 + 0.197 + 7 · 0.0591593497 = −0.1888845517 V
        // at 50 °C: ln 10 · 8.314462618 · 323.15 / 96485.332 = 0.0641198… V
        assertThat(RheScale.nernstSlopeV(25.0)).isCloseTo(0.05915934976, within(1e-11));
        assertThat(RheScale.atCelsius(0.197, 7.0, 25.0).toRhe(-0.8)).isCloseTo(-0.18888455168, within(1e-10));
        assertThat(RheScale.nernstSlopeV(50.0)).isCloseTo(0.05915934976 * 323.15 / 298.15, within(1e-12));
    }

    @Test
    void paperSlopeCanBeReproduced() {
        // seed 000: E(RHE) = E(Ag/AgCl) + 0.197 + 0.059·pH; pH 7, −0.7 V → −0.7 + 0.197 + 0.413 = −0.09 V
        assertThat(RheScale.withSlope(0.197, 7.0, 0.059).toRhe(-0.7)).isCloseTo(-0.09, within(1e-12));
    }

    @Test
    void fromCellMetadataNeedsThePh() {
        assertThatThrownBy(() -> RheScale.of(CellMetadata.ofArea(1.0))).hasMessageContaining("no pH");
        CellMetadata cell = new CellMetadata(1, 2, Double.NaN, 40, 7.0, "Ag/AgCl (sat. KCl)", 0.197, 0);
        assertThat(RheScale.of(cell).nernstSlopeV()).isEqualTo(0.0592);
    }

    @Test
    void irCompensationMovesACathodicPotentialPositive() {
        // E = −0.5 V, I = −20 mA, R_u = 5 Ω: −0.5 − (−0.02 · 5) = −0.4 V
        assertThat(IrCompensation.compensatedV(-0.5, -0.02, 5.0)).isCloseTo(-0.4, within(1e-15));
        assertThatThrownBy(() -> IrCompensation.compensatedV(-0.5, -0.02, -1))
                .hasMessageContaining("uncompensatedResistanceOhm").hasMessageContaining(">= 0");
    }
}
