package org.no3rr.metrics.quantification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationCurveTest {

    @Test
    void leastSquaresOverTheSeedStandards() {
        // see SeedCalibration: a = 8000 L mol⁻¹, b = 0.040.
        // In mM: c̄ = 0.29/7, Sxx = Σc² − (Σc)²/7 = 0.0203 − 0.0841/7 = 0.058/7 mM²;
        // SS_tot = a²·Sxx + Σδ² = 64·0.058/7 + 6e-6 = 3.712/7 + 0.000006 = 1856021/3500000;
        // R² = 1 − 6e-6 / (1856021/3500000) = 1 − 21/1856021 = 1856000/1856021 = 0.99998868547…
        // s_y/x = √(6e-6 / (7 − 2)) = √(1.2e-6) = 1.0954451150e-3
        // LOD (no blanks: from s_y/x) = 3 · 1.0954451150e-3 / 8000 = 4.1079191813e-7 mol L⁻¹ (0.41 µM)
        CalibrationCurve curve = SeedCalibration.indophenol();
        assertThat(curve.method().wavelengthNm()).isEqualTo(655);
        assertThat(curve.slopePerMolPerL()).isCloseTo(8000.0, within(1e-8));
        assertThat(curve.intercept()).isCloseTo(0.040, within(1e-14));
        assertThat(curve.rSquared()).isCloseTo(1856000.0 / 1856021.0, within(1e-13));
        assertThat(curve.residualStandardDeviation()).isCloseTo(Math.sqrt(1.2e-6), within(1e-13));
        assertThat(curve.lodSource()).isEqualTo(CalibrationCurve.LodSource.RESIDUAL_STANDARD_DEVIATION);
        assertThat(curve.limitOfDetectionMolPerL()).isCloseTo(3 * Math.sqrt(1.2e-6) / 8000, within(1e-18));
        assertThat(curve.standardCount()).isEqualTo(7);
        assertThat(curve.highestStandardMolPerL()).isEqualTo(0.10e-3);
    }

    @Test
    void limitOfDetectionFromBlankReplicates() {
        // blanks 0.040, 0.042, 0.038: mean 0.040, s = √((0 + 4e-6 + 4e-6)/2) = 0.002 → LOD = 3·0.002/8000 = 7.5e-7 mol L⁻¹
        CalibrationCurve curve = CalibrationCurve.fit(QuantificationMethod.INDOPHENOL_BLUE_NH3,
                SeedCalibration.STANDARDS_MOL_PER_L, SeedCalibration.ABSORBANCES, new double[] {0.040, 0.042, 0.038});
        assertThat(curve.lodSource()).isEqualTo(CalibrationCurve.LodSource.BLANK_REPLICATES);
        assertThat(curve.limitOfDetectionMolPerL()).isCloseTo(7.5e-7, within(1e-17));
    }

    @Test
    void concentrationFromAbsorbanceAndDilution() {
        // A = 0.440 → (0.440 − 0.040)/8000 = 5e-5 mol L⁻¹ measured; 0.05 mL made up to 5 mL → × 100 = 5e-3 mol L⁻¹
        CalibrationCurve curve = SeedCalibration.indophenol();
        assertThat(curve.measuredConcentrationMolPerL(0.440)).isCloseTo(5e-5, within(1e-16));
        assertThat(curve.concentrationMolPerL(0.440, SampleReading.dilutionFactor(0.05, 5.0)))
                .isCloseTo(5e-3, within(1e-14));
        assertThat(curve.isWithinCalibratedRange(0.440)).isTrue();
        assertThat(curve.isWithinCalibratedRange(0.90)).isFalse();
        assertThat(curve.isBelowDetectionLimit(0.0402)).isTrue();
        assertThat(curve.isBelowDetectionLimit(0.05)).isFalse();
    }

    @Test
    void uvNitrateSignalAndNonPositiveSlope() {
        // A220 = 0.9, A275 = 0.1 → 0.9 − 2·0.1 = 0.7
        assertThat(QuantificationMethod.uvNitrateAbsorbance(0.9, 0.1)).isCloseTo(0.7, within(1e-15));
        assertThatThrownBy(() -> CalibrationCurve.fit(QuantificationMethod.GRIESS_NO2, new double[] {0, 1e-5, 2e-5},
                new double[] {0.5, 0.4, 0.3})).hasMessageContaining("slope must be > 0");
    }

    @Test
    void twoStandardsWithoutBlanksHaveNoLimitOfDetection() {
        CalibrationCurve curve = CalibrationCurve.fit(QuantificationMethod.NMR_NH3, new double[] {0, 1e-3},
                new double[] {0, 2});
        assertThat(curve.lodSource()).isEqualTo(CalibrationCurve.LodSource.NONE);
        assertThat(curve.limitOfDetectionMolPerL()).isNaN();
        assertThat(curve.slopePerMolPerL()).isCloseTo(2000.0, within(1e-9));
    }
}
