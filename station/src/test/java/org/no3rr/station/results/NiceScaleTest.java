package org.no3rr.station.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Printed axes: about five ticks at 1, 2, 2.5 or 5 × 10ⁿ, ends on ticks, labels with a real minus. */
class NiceScaleTest {

    @Test
    void aCapacityUpTo23Point3GetsTicksEvery5From0To25() {
        // (23.3 − 0) / 5 = 4.66 → the next nice step is 5
        NiceScale scale = NiceScale.around(0, 23.3);
        assertThat(scale).isEqualTo(new NiceScale(0, 25, 5));
        assertThat(scale.ticks()).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0);
        assertThat(scale.label(25)).isEqualTo("25");
    }

    @Test
    void holdPotentialsFromMinus0Point5ToMinus0Point1AreLabelledWithOneDecimalAndARealMinus() {
        // 0.4 / 5 = 0.08 → step 0.1
        NiceScale scale = NiceScale.around(-0.5, -0.1);
        assertThat(scale.step()).isCloseTo(0.1, within(1e-15));
        assertThat(scale.min()).isCloseTo(-0.5, within(1e-12));
        assertThat(scale.max()).isCloseTo(-0.1, within(1e-12));
        assertThat(scale.label(-0.5)).isEqualTo("\u22120.5");
        assertThat(scale.label(-1e-17)).as("a rounding residue is 0").isEqualTo("0.0");
    }

    @Test
    void aStepOf2Point5NeedsOneMoreDecimalAndASingleValueIsWidenedByTenPercent() {
        // 12 / 5 = 2.4 → step 2.5, whose labels need one decimal
        assertThat(NiceScale.around(0, 12)).isEqualTo(new NiceScale(0, 12.5, 2.5));
        assertThat(NiceScale.around(0, 12).label(5)).isEqualTo("5.0");
        // 1 ± 0.1 → 0.2 / 5 = 0.04 → step 0.05 from 0.9 to 1.1
        NiceScale single = NiceScale.around(1, 1);
        assertThat(single.step()).isCloseTo(0.05, within(1e-15));
        assertThat(single.min()).isCloseTo(0.9, within(1e-12));
        assertThat(single.max()).isCloseTo(1.1, within(1e-12));
    }
}
