package org.no3rr.metrics.battery;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DifferentialCapacityTest {

    @Test
    void aLinearDischargeCurveHasTheSameDqDvInEveryBin() {
        // Q = 2 mAh/V · (1.5 V − V) from 1.5 V down to 1.0 V, sampled every 5 mV; bins of 20 mV, whose
        // edges 1.00, 1.02, …, 1.50 are sample voltages: each bin holds 2 · 0.02 = 0.04 mAh, dQ/dV = −2 mAh/V.
        DifferentialCapacity dqdv = DifferentialCapacity.ofDischarge(0.020);
        for (int i = 0; i <= 100; i++) {
            double v = 1.5 - i * 0.005;
            dqdv.add(v, 2 * (1.5 - v));
        }
        List<DifferentialCapacity.Bin> bins = dqdv.bins();
        assertThat(bins).hasSize(25);
        assertThat(bins.get(0).voltageV()).isCloseTo(1.01, within(1e-12));
        assertThat(bins.get(24).voltageV()).isCloseTo(1.49, within(1e-12));
        assertThat(bins).allSatisfy(bin -> {
            assertThat(bin.dqDvMahPerV()).isCloseTo(-2.0, within(1e-9));
            assertThat(bin.capacityMah()).isCloseTo(0.04, within(1e-11));
        });
    }

    @Test
    void aQuadraticChargeCurveGivesTheDerivativeAtEachBinCentre() {
        // Q = 3 mAh/V² · (V − 1.6)² for V from 1.6 up to 2.0 V, samples every 10 mV, bins of 20 mV:
        // the bin [a, b] holds 3·((b − 1.6)² − (a − 1.6)²) = 3·(b − a)·(a + b − 3.2), so dQ/dV = 6·(centre − 1.6),
        // exactly the derivative at the centre. Bin [1.80, 1.82): 6 · 0.21 = 1.26 mAh/V.
        DifferentialCapacity dqdv = DifferentialCapacity.ofCharge(0.020);
        for (int i = 0; i <= 40; i++) {
            double v = 1.6 + i * 0.01;
            dqdv.add(v, 3 * (v - 1.6) * (v - 1.6));
        }
        DifferentialCapacity.Bin bin = dqdv.bins().stream().filter(b -> Math.abs(b.voltageV() - 1.81) < 1e-9)
                .findFirst().orElseThrow();
        assertThat(bin.dqDvMahPerV()).isCloseTo(1.26, within(1e-9));
        assertThat(dqdv.bins()).allSatisfy(b -> assertThat(b.dqDvMahPerV()).isCloseTo(6 * (b.voltageV() - 1.6),
                within(1e-9)));
    }

    @Test
    void aPlateauIsAveragedOverTheBinAsDocumented() {
        // A discharge plateau at V0 = 1.25 V of half-width s = 10 mV: Q = Q_max / (1 + e^((V − V0)/s)), Q_max = 1 mAh,
        // sampled every 1 mV from 1.5 to 1.0 V. True peak −Q_max/(4s) = −25 mAh/V. The 20 mV bin [1.24, 1.26)
        // centred on it holds Q(1.24) − Q(1.26) = Q_max·tanh(0.01/(2s)) = tanh(0.5) = 0.46211715726000974 mAh:
        // dQ/dV = −0.46211715726000974 / 0.02 = −23.105857863000487 mAh/V, the binning's smoothing.
        DifferentialCapacity dqdv = DifferentialCapacity.ofDischarge(0.020);
        double q0 = plateau(1.5);
        for (int i = 0; i <= 500; i++) {
            double v = 1.5 - i * 0.001;
            dqdv.add(v, plateau(v) - q0);
        }
        DifferentialCapacity.Bin peak = dqdv.bins().stream().min((a, b) -> Double.compare(a.dqDvMahPerV(),
                b.dqDvMahPerV())).orElseThrow();
        assertThat(peak.voltageV()).isCloseTo(1.25, within(1e-12));
        assertThat(peak.capacityMah()).isCloseTo(0.46211715726000974, within(1e-9));
        assertThat(peak.dqDvMahPerV()).isCloseTo(-23.105857863000487, within(1e-7));
    }

    @Test
    void noiseAcrossABinEdgePutsTheChargePassedThereInBothBins() {
        // The voltage jitters across 1.20 V: 1.205 → 1.195 → 1.205 → 1.195 with 1 mAh per segment. Each
        // segment spends half its voltage on either side of the edge: 1.5 mAh in [1.19, 1.20) and 1.5 mAh
        // in [1.20, 1.21); with w = 10 mV, dQ/dV = −150 mAh/V in both.
        DifferentialCapacity dqdv = DifferentialCapacity.ofDischarge(0.010);
        double[] volts = {1.205, 1.195, 1.205, 1.195};
        for (int i = 0; i < volts.length; i++) {
            dqdv.add(volts[i], i);
        }
        assertThat(dqdv.bins()).hasSize(2).allSatisfy(bin -> {
            assertThat(bin.capacityMah()).isCloseTo(1.5, within(1e-9));
            assertThat(bin.dqDvMahPerV()).isCloseTo(-150.0, within(1e-6));
        });
    }

    @Test
    void aSegmentWithoutVoltageChangeKeepsItsChargeInItsBin() {
        // Two samples at exactly 1.3 V, 0.5 mAh apart: all of it in [1.30, 1.31) → −50 mAh/V.
        DifferentialCapacity dqdv = DifferentialCapacity.ofDischarge(0.010);
        dqdv.add(1.3001, 0.0);
        dqdv.add(1.3001, 0.5);
        assertThat(dqdv.bins()).singleElement().satisfies(bin -> {
            assertThat(bin.voltageV()).isCloseTo(1.305, within(1e-12));
            assertThat(bin.dqDvMahPerV()).isCloseTo(-50.0, within(1e-9));
        });
    }

    @Test
    void refusesAFallingCapacityAndABadBinWidth() {
        DifferentialCapacity dqdv = DifferentialCapacity.ofCharge(0.01);
        dqdv.add(1.8, 1.0);
        assertThatThrownBy(() -> dqdv.add(1.81, 0.9))
                .hasMessage("capacityMah must not decrease within a half, went from 1.0 to 0.9 mAh");
        assertThatThrownBy(() -> DifferentialCapacity.ofDischarge(0))
                .hasMessage("binWidthV must be a finite number > 0, was 0.0");
    }

    private static double plateau(double v) {
        return 1.0 / (1 + Math.exp((v - 1.25) / 0.01));
    }
}
