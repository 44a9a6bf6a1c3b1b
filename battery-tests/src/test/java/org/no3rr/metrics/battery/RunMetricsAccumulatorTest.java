package org.no3rr.metrics.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepBoundaryRule;
import org.no3rr.metrics.StepKind;
import org.no3rr.metrics.StepSummary;

class RunMetricsAccumulatorTest {

    /** 2 cm², 0.5 g Zn. */
    private static final CellMetadata CELL = new CellMetadata(2.0, Double.NaN, 0.5, 40.0, 7.0,
            "Ag/AgCl (sat. KCl)", 0.197, 0.0);

    private final List<StepSummary> steps = new ArrayList<>();
    private final List<CycleSummary> cycles = new ArrayList<>();
    private final RunMetricsListener collect = new RunMetricsListener() {
        @Override
        public void stepCompleted(StepSummary step) {
            steps.add(step);
        }

        @Override
        public void cycleCompleted(CycleSummary cycle) {
            cycles.add(cycle);
        }
    };

    /**
     * One cycle = discharge at −1 mA, 1.0 V, samples at t0 … t0+600 s; then charge at +1.25 mA, 2.0 V,
     * samples at t0+601 … t0+1200 s. Sampling every second. Cycle c starts at t0 = (c − 1)·1201 s.
     */
    private static void feedCycle(RunMetricsAccumulator run, int cycle) {
        long t0 = (cycle - 1) * 1_201_000L;
        int dischargeStep = 2 * cycle - 1;
        for (int s = 0; s <= 600; s++) {
            run.add(cycle, dischargeStep, t0 + s * 1000L, 1.0, -1e-3);
        }
        for (int s = 601; s <= 1200; s++) {
            run.add(cycle, dischargeStep + 1, t0 + s * 1000L, 2.0, 1.25e-3);
        }
    }

    @Test
    void cycleSummaryWithTheNextSampleHeldAcrossStepBoundaries() {
        // Cycle 1: discharge step = trapezoid over 0…600 s at 1 mA = 0.6 C, E_dis = 1.0 V × 0.6 C = 0.6 J.
        // Charge step: boundary 600 → 601 s held at +1.25 mA, then 601 … 1200 s: 600 s × 1.25 mA = 0.75 C,
        // E_ch = 2.0 V × 0.75 C = 1.5 J.
        // CE = 0.6/0.75 = 0.8; EE = 0.6/1.5 = 0.4; gap = 2.0 − 1.0 = 1.0 V.
        // mAh: 0.6/3.6 = 1/6 and 0.75/3.6 = 5/24; per cm² (2 cm²): 1/12 and 5/48; per g Zn (0.5 g): 1/3 and 5/12.
        // Wh: 0.6/3600 = 1/6000 and 1.5/3600 = 1/2400; mWh cm⁻²: 0.6/3.6/2 = 1/12 and 1.5/3.6/2 = 5/24;
        // mWh g⁻¹: 0.6/3.6/0.5 = 1/3 and 1.5/3.6/0.5 = 5/6.
        RunMetricsAccumulator run = new RunMetricsAccumulator(CELL, collect);
        feedCycle(run, 1);
        feedCycle(run, 2);
        assertThat(cycles).hasSize(1);
        run.finish();
        assertThat(cycles).hasSize(2);
        assertThat(steps).hasSize(4);
        assertThat(steps).extracting(StepSummary::kind)
                .containsExactly(StepKind.DISCHARGE, StepKind.CHARGE, StepKind.DISCHARGE, StepKind.CHARGE);

        CycleSummary c = cycles.get(0);
        assertThat(c.cycle()).isEqualTo(1);
        assertThat(c.stepCount()).isEqualTo(2);
        assertThat(c.dischargeCapacityCoulombs()).isCloseTo(0.6, within(1e-12));
        assertThat(c.chargeCapacityCoulombs()).isCloseTo(0.75, within(1e-12));
        assertThat(c.dischargeCapacityMah()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(c.chargeCapacityMah()).isCloseTo(5.0 / 24, within(1e-12));
        assertThat(c.dischargeCapacityMahPerCm2()).isCloseTo(1.0 / 12, within(1e-12));
        assertThat(c.chargeCapacityMahPerCm2()).isCloseTo(5.0 / 48, within(1e-12));
        assertThat(c.dischargeCapacityMahPerGZn()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(c.chargeCapacityMahPerGZn()).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(c.dischargeEnergyJ()).isCloseTo(0.6, within(1e-12));
        assertThat(c.chargeEnergyJ()).isCloseTo(1.5, within(1e-12));
        assertThat(c.dischargeEnergyWh()).isCloseTo(1.0 / 6000, within(1e-15));
        assertThat(c.chargeEnergyWh()).isCloseTo(1.0 / 2400, within(1e-15));
        assertThat(c.dischargeEnergyMwhPerCm2()).isCloseTo(1.0 / 12, within(1e-12));
        assertThat(c.chargeEnergyMwhPerCm2()).isCloseTo(5.0 / 24, within(1e-12));
        assertThat(c.dischargeEnergyMwhPerGZn()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(c.chargeEnergyMwhPerGZn()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(c.meanDischargeVoltageV()).isCloseTo(1.0, within(1e-12));
        assertThat(c.meanChargeVoltageV()).isCloseTo(2.0, within(1e-12));
        assertThat(c.coulombicEfficiency()).isCloseTo(0.8, within(1e-12));
        assertThat(c.energyEfficiency()).isCloseTo(0.4, within(1e-12));
        assertThat(c.voltageGapV()).isCloseTo(1.0, within(1e-12));
        assertThat(c.startEpochMillis()).isZero();
        assertThat(c.endEpochMillis()).isEqualTo(1_200_000L);

        // Cycle 2's discharge starts with the boundary 1200 → 1201 s held at −1 mA: 1 mC + 600 s × 1 mA = 0.601 C
        assertThat(cycles.get(1).dischargeCapacityCoulombs()).isCloseTo(0.601, within(1e-12));
        assertThat(cycles.get(1).chargeCapacityCoulombs()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void trapezoidAcrossTheBoundarySplitsAtTheZeroCrossing() {
        // Boundary 600 s (−1 mA) → 601 s (+1.25 mA): zero at f = 1/2.25 of the second.
        // Part before zero: discharge 1 mA × (1/2.25) s / 2 = 1/4.5 mC; part after: charge 1.25 mA × (1.25/2.25) s / 2
        // = 1.5625/4.5 mC. Both belong to the charge step (cycle 1). Q_ch = 0.74875 + 1.5625/4.5e3 C,
        // Q_dis = 0.6 + 1/4.5e3 C.
        RunMetricsAccumulator run = new RunMetricsAccumulator(CELL, collect, 1e-6, StepBoundaryRule.TRAPEZOID);
        feedCycle(run, 1);
        run.finish();
        CycleSummary c = cycles.get(0);
        assertThat(c.chargeCapacityCoulombs()).isCloseTo(0.74875 + 1.5625 / 4.5e3, within(1e-12));
        assertThat(c.dischargeCapacityCoulombs()).isCloseTo(0.6 + 1 / 4.5e3, within(1e-12));
        assertThat(steps.get(1).dischargeCapacityCoulombs()).isCloseTo(1 / 4.5e3, within(1e-15));
    }

    @Test
    void excludedBoundaryIsNotIntegrated() {
        // charge step integrates only 601 … 1200 s: 599 s × 1.25 mA = 0.74875 C
        RunMetricsAccumulator run = new RunMetricsAccumulator(CELL, collect, 1e-6, StepBoundaryRule.EXCLUDE);
        feedCycle(run, 1);
        run.finish();
        assertThat(cycles.get(0).chargeCapacityCoulombs()).isCloseTo(0.74875, within(1e-12));
        assertThat(steps.get(1).startEpochMillis()).isEqualTo(601_000L);
    }

    @Test
    void coulombicEfficiencyDoesNotDependOnWhichHalfComesFirst() {
        // charge first: +1 mA for 100 s (0.1 C) then discharge −1 mA for 80 s (boundary held: 0.08 C) → CE 0.8
        RunMetricsAccumulator run = new RunMetricsAccumulator(CELL, collect);
        for (int s = 0; s <= 100; s++) {
            run.add(1, 1, s * 1000L, 2.0, 1e-3);
        }
        for (int s = 101; s <= 180; s++) {
            run.add(1, 2, s * 1000L, 1.0, -1e-3);
        }
        run.finish();
        assertThat(cycles.get(0).coulombicEfficiency()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void reportsTheCycleInProgress() {
        // after the discharge and the first 100 charge samples: Q_dis = 0.6 C, Q_ch = 100 s × 1.25 mA = 0.125 C
        RunMetricsAccumulator run = new RunMetricsAccumulator(CELL, collect);
        assertThat(run.inProgressCycle()).isEmpty();
        for (int s = 0; s <= 600; s++) {
            run.add(1, 1, s * 1000L, 1.0, -1e-3);
        }
        for (int s = 601; s <= 700; s++) {
            run.add(1, 2, s * 1000L, 2.0, 1.25e-3);
        }
        CycleSummary partial = run.inProgressCycle().orElseThrow();
        assertThat(partial.dischargeCapacityCoulombs()).isCloseTo(0.6, within(1e-12));
        assertThat(partial.chargeCapacityCoulombs()).isCloseTo(0.125, within(1e-12));
        assertThat(partial.coulombicEfficiency()).isCloseTo(4.8, within(1e-12));
        assertThat(partial.stepCount()).isEqualTo(2);
        assertThat(run.inProgressStep().orElseThrow().stepNumber()).isEqualTo(2);
        assertThat(cycles).isEmpty();
    }

    @Test
    void specificValuesAreNaNWithoutZincMassAndRatiosNaNWithoutDenominator() {
        RunMetricsAccumulator run = new RunMetricsAccumulator(CellMetadata.ofArea(1.0), collect);
        run.add(1, 1, 0, 1.0, -1e-3);
        run.add(1, 1, 1000, 1.0, -1e-3);
        run.finish();
        assertThat(cycles.get(0).dischargeCapacityMahPerGZn()).isNaN();
        assertThat(cycles.get(0).coulombicEfficiency()).isNaN();
        assertThat(cycles.get(0).dischargeCapacityMahPerCm2()).isCloseTo(1e-3 / 3.6, within(1e-15));
    }

    @Test
    void rejectsDecreasingCycleNumbersAndSamplesAfterFinish() {
        RunMetricsAccumulator run = new RunMetricsAccumulator(CELL, collect);
        run.add(2, 5, 0, 1.0, 0);
        assertThatThrownBy(() -> run.add(1, 6, 1000, 1.0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle 1").hasMessageContaining("cycle 2");
        run.finish();
        assertThatThrownBy(() -> run.add(2, 5, 2000, 1.0, 0)).isInstanceOf(IllegalStateException.class);
    }
}
