package org.no3rr.metrics.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.TestSteps;

class RateCapabilityTest {

    private static StepSummary step(int number, double currentA, double voltageV, int seconds) {
        return TestSteps.constant(1, number, currentA, voltageV, seconds, 1);
    }

    @Test
    void capacityAtEachCurrentDensity() {
        // 1 cm², 0.2 g Zn. 2 mA for 3600 s = 7.2 C = 2 mAh → 2 mAh cm⁻², 10 mAh g⁻¹;
        // 5 mA for 1800 s = 9 C = 2.5 mAh → 2.5 mAh cm⁻², 12.5 mAh g⁻¹. The rest in between is skipped.
        CellMetadata cell = new CellMetadata(1.0, Double.NaN, 0.2, Double.NaN, Double.NaN, "", 0.0, 0.0);
        List<StepSummary> steps = new ArrayList<>();
        steps.add(step(1, -2e-3, 1.3, 3600));
        steps.add(step(2, 0.0, 1.5, 60));
        steps.add(step(3, -5e-3, 1.1, 1800));
        List<RateCapability.RatePoint> points = RateCapability.of(steps, cell);
        assertThat(points).hasSize(2);
        assertThat(points.get(0).currentDensityMaPerCm2()).isCloseTo(2.0, within(1e-12));
        assertThat(points.get(0).dischargeCapacityMah()).isCloseTo(2.0, within(1e-12));
        assertThat(points.get(0).dischargeCapacityMahPerCm2()).isCloseTo(2.0, within(1e-12));
        assertThat(points.get(0).dischargeCapacityMahPerGZn()).isCloseTo(10.0, within(1e-12));
        assertThat(points.get(1).currentDensityMaPerCm2()).isCloseTo(5.0, within(1e-12));
        assertThat(points.get(1).dischargeCapacityMah()).isCloseTo(2.5, within(1e-12));
        assertThat(points.get(1).dischargeCapacityMahPerGZn()).isCloseTo(12.5, within(1e-12));
        assertThat(points.get(1).meanDischargeVoltageV()).isCloseTo(1.1, within(1e-12));
    }
}
