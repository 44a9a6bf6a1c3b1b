package org.no3rr.metrics.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.TestSteps;

class PolarizationCurveTest {

    @Test
    void peakOfAnOhmicCellIsInterpolatedBetweenSamples() {
        // V = 20 − 0.5·j (V per mA cm⁻² scaled for round numbers) → P = 20 j − 0.5 j², peak at j = 20, P = 200.
        // Samples at j = 5, 12, 17, 26, 30 (uneven): P = 87.5, 168, 195.5, 182, 150; the largest sample is 195.5 at 17,
        // the parabola through (12,168) (17,195.5) (26,182) is P itself → j* = 20, P* = 200.
        double[] j = {26, 5, 17, 30, 12};
        double[] v = new double[j.length];
        for (int i = 0; i < j.length; i++) {
            v[i] = 20 - 0.5 * j[i];
        }
        PolarizationCurve curve = PolarizationCurve.of(j, v);
        assertThat(curve.points()).extracting(PolarizationCurve.Point::currentDensityMaPerCm2)
                .containsExactly(5.0, 12.0, 17.0, 26.0, 30.0);
        assertThat(curve.points().get(2).powerDensityMwPerCm2()).isCloseTo(195.5, within(1e-12));
        PolarizationCurve.PeakPower peak = curve.peakPower();
        assertThat(peak.interpolated()).isTrue();
        assertThat(peak.currentDensityMaPerCm2()).isCloseTo(20.0, within(1e-12));
        assertThat(peak.powerDensityMwPerCm2()).isCloseTo(200.0, within(1e-12));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 50);
    }

    /** Any concave quadratic P(j) = −a(j − j*)² + P*, sampled unevenly around j*: the vertex is found exactly. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void peakIsExactOnAnyQuadraticPowerCurve(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double a = 0.01 + random.nextDouble();
        double jPeak = 15 + 50 * random.nextDouble();
        double pPeak = 5 + 100 * random.nextDouble();
        double[] j = {jPeak - 1 - 4 * random.nextDouble(), jPeak + 0.1 + 4 * random.nextDouble(),
                jPeak - 6 - 4 * random.nextDouble(), jPeak + 5 + 4 * random.nextDouble()};
        double[] v = new double[j.length];
        for (int i = 0; i < j.length; i++) {
            double p = -a * (j[i] - jPeak) * (j[i] - jPeak) + pPeak;
            v[i] = p / j[i];
        }
        PolarizationCurve.PeakPower peak = PolarizationCurve.of(j, v).peakPower();
        assertThat(peak.interpolated()).isTrue();
        assertThat(peak.currentDensityMaPerCm2()).isCloseTo(jPeak, within(1e-9 * jPeak));
        assertThat(peak.powerDensityMwPerCm2()).isCloseTo(pPeak, within(1e-9 * pPeak));
    }

    @Test
    void fromStepsUsesTheDischargeStepsMeanCurrentAndVoltage() {
        // 2 cm²: −4 mA at 1.2 V → j = 2 mA cm⁻², P = 2.4 mW cm⁻²; −10 mA at 0.9 V → j = 5, P = 4.5; the rest is skipped
        List<StepSummary> steps = List.of(
                step(1, 0.0, 1.5), step(2, -4e-3, 1.2), step(3, -10e-3, 0.9));
        PolarizationCurve curve = PolarizationCurve.ofSteps(steps, 2.0);
        assertThat(curve.points()).hasSize(2);
        assertThat(curve.points().get(0).currentDensityMaPerCm2()).isCloseTo(2.0, within(1e-12));
        assertThat(curve.points().get(0).powerDensityMwPerCm2()).isCloseTo(2.4, within(1e-12));
        assertThat(curve.points().get(1).powerDensityMwPerCm2()).isCloseTo(4.5, within(1e-12));
    }

    private static StepSummary step(int number, double currentA, double voltageV) {
        return TestSteps.constant(1, number, currentA, voltageV, 60, 1);
    }

    @Test
    void maximumAtTheEndIsReportedAsSampledAndNotInterpolated() {
        // V = 1.0 V at j = 1, 2, 3: P = 1, 2, 3 → the last point, not interpolated
        PolarizationCurve.PeakPower peak = PolarizationCurve.of(new double[] {1, 2, 3}, new double[] {1, 1, 1})
                .peakPower();
        assertThat(peak.interpolated()).isFalse();
        assertThat(peak.powerDensityMwPerCm2()).isEqualTo(3.0);
        assertThat(peak.currentDensityMaPerCm2()).isEqualTo(3.0);
    }

    @Test
    void refusesRepeatedCurrentDensitiesAndNegativeOnes() {
        assertThatThrownBy(() -> PolarizationCurve.of(new double[] {1, 2, 2}, new double[] {1, 1, 1}))
                .hasMessageContaining("2.0 mA cm⁻² appears twice");
        assertThatThrownBy(() -> PolarizationCurve.of(new double[] {-1}, new double[] {1}))
                .hasMessageContaining("currentDensityMaPerCm2[0]").hasMessageContaining(">= 0");
    }
}
