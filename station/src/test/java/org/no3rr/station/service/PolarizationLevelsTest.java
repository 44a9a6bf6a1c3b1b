package org.no3rr.station.service;

import org.junit.jupiter.api.Test;
import org.no3rr.metrics.battery.PolarizationCurve;

import static org.assertj.core.api.Assertions.assertThat;

/** Samples of one Polarize step grouped by current level, on a hand-made sample list. */
class PolarizationLevelsTest {

    @Test
    void eachLevelIsTheMeanOfItsSamplesWhateverTheirOrder() {
        // levels of 0, 2 and 4 mA on 0.5 cm²; currents a little off the setpoints, as measured
        PolarizationLevels levels = new PolarizationLevels(0, 0.002, 0.5);
        levels.add(1.50, 0.0);
        levels.add(1.30, -0.0000);
        levels.add(1.25, -0.0021);
        levels.add(1.15, -0.0019);
        levels.add(1.00, -0.0040);
        levels.add(0.90, -0.0041);
        levels.add(0.95, -0.0039);

        PolarizationCurve curve = levels.curve();

        assertThat(levels.levelCount()).isEqualTo(3);
        assertThat(curve.points()).extracting(PolarizationCurve.Point::currentDensityMaPerCm2)
                .containsExactly(0.0, (0.0021 + 0.0019) / 2 * 1000 / 0.5, (0.0040 + 0.0041 + 0.0039) / 3 * 1000 / 0.5);
        assertThat(curve.points()).extracting(PolarizationCurve.Point::voltageV)
                .containsExactly((1.50 + 1.30) / 2, (1.25 + 1.15) / 2, (1.00 + 0.90 + 0.95) / 3);
    }

    @Test
    void aLevelStartingAboveZeroIsCountedFromItsFirstCurrent() {
        PolarizationLevels levels = new PolarizationLevels(0.010, 0.005, 1.0);
        levels.add(1.0, -0.010);
        levels.add(0.8, -0.015);
        levels.add(0.7, -0.0149);

        assertThat(levels.levelCount()).isEqualTo(2);
        assertThat(levels.curve().points()).extracting(PolarizationCurve.Point::voltageV)
                .containsExactly(1.0, (0.8 + 0.7) / 2);
    }
}
