package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.no3rr.engine.Engines.T0;
import static org.no3rr.engine.Engines.battery;
import static org.no3rr.engine.Engines.last;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.StepKind;

/** Cycles are counted by the outermost Repeat, and each closes with a summary whose ratios are never noise. */
class EngineCycleTest {

    /** 1.3 V while charging, 1.1 V while discharging, 1.2 V at rest. */
    private static final Engines.Voltage HALVES = (s, t, amps) -> amps > 0 ? 1.3 : amps < 0 ? 1.1 : 1.2;

    private static List<EngineEvent.StepStarted> stepsStarted(List<Decision> decisions) {
        return decisions.stream().flatMap(d -> d.events().stream())
                .filter(EngineEvent.StepStarted.class::isInstance).map(EngineEvent.StepStarted.class::cast).toList();
    }

    private static List<CycleSummary> cycles(List<Decision> decisions) {
        return decisions.stream().flatMap(d -> d.closedCycles().stream()).toList();
    }

    @Test
    void nestedRepeatsCountCyclesByTheOutermostBlockOnly() {
        Engine engine = battery(String.join("\n",
                "Rest for 1 s",
                "Repeat 2 times:",
                "  Discharge at 1 mA for 1 s",
                "  Repeat 2 times:",
                "    Charge at 1 mA for 1 s",
                "Rest for 1 s"), 1.0, 1000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), HALVES, 100);

        assertThat(stepsStarted(ds)).extracting(e -> e.stepNumber(), e -> e.stepLine(), e -> e.cycle())
                .containsExactly(
                        tuple(1, 1, 1), tuple(2, 3, 1), tuple(3, 5, 1), tuple(4, 5, 1),
                        tuple(5, 3, 2), tuple(6, 5, 2), tuple(7, 5, 2), tuple(8, 6, 2));
        assertThat(ds).extracting(Decision::sample).filteredOn(s -> s != null)
                .extracting(s -> s.stepNumber(), s -> s.cycle(), s -> s.stepKind()).containsSequence(
                        tuple(1, 1, StepKind.REST), tuple(1, 1, StepKind.REST),
                        tuple(2, 1, StepKind.DISCHARGE), tuple(2, 1, StepKind.DISCHARGE));
        assertThat(last(ds).state().state()).isEqualTo(RunState.DONE);
        assertThat(cycles(ds)).extracting(CycleSummary::cycle, CycleSummary::firstStepNumber,
                CycleSummary::lastStepNumber).containsExactly(tuple(1, 1, 4), tuple(2, 5, 8));
    }

    @Test
    void consecutiveOuterRepeatsKeepCountingAndARepeatAtTheStartBeginsInCycleOne() {
        Engine engine = battery("Repeat 2 times:\n  Rest for 1 s\nRepeat 3 times:\n  Rest for 2 s", 1.0, 1000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), HALVES, 100);

        assertThat(stepsStarted(ds)).extracting(e -> e.stepLine(), e -> e.cycle())
                .containsExactly(tuple(2, 1), tuple(2, 2), tuple(4, 3), tuple(4, 4), tuple(4, 5));
    }

    @Test
    void aCycleWithBothHalvesHasItsEfficienciesAndVoltageGap() {
        Engine engine = battery("Repeat 2 times:\n  Charge at 1 mA for 10 s\n  Rest for 1 s\n"
                + "  Discharge at 1 mA for 8 s", 1.0, 1000);

        List<CycleSummary> cycles = cycles(Engines.run(engine, engine.start(T0), HALVES, 100));

        assertThat(cycles).hasSize(2);
        CycleSummary first = cycles.get(0);
        assertThat(first.chargeHalf().coulombs()).isCloseTo(0.010, within(1e-16));
        assertThat(first.dischargeHalf().coulombs()).isCloseTo(0.008, within(1e-16));
        assertThat(first.coulombicEfficiency()).isCloseTo(0.8, within(1e-12));
        assertThat(first.energyEfficiency()).isCloseTo(0.8 * 1.1 / 1.3, within(1e-12));
        assertThat(first.voltageGapV()).isCloseTo(0.2, within(1e-12));
        assertThat(first.durationS()).isEqualTo(19.0);
        assertThat(first.dischargeCapacityCoulombs()).isCloseTo(0.008, within(1e-16));
    }

    @Test
    void aCycleWithoutAChargeHalfHasNoRatios() {
        Engine engine = battery("Repeat 2 times:\n  Discharge at 1 mA for 5 s\n  Rest for 5 s", 1.0, 1000);

        List<CycleSummary> cycles = cycles(Engines.run(engine, engine.start(T0), HALVES, 100));

        assertThat(cycles).allSatisfy(c -> {
            assertThat(c.coulombicEfficiency()).isNull();
            assertThat(c.energyEfficiency()).isNull();
            assertThat(c.voltageGapV()).isNull();
            assertThat(c.chargeCapacityCoulombs()).isNull();
            assertThat(c.dischargeCapacityCoulombs()).isCloseTo(0.005, within(1e-16));
        });
    }

    @Test
    void restStepsBelongToNoHalfWhateverTheirNoise() {
        Engine engine = battery("Repeat 2 times:\n  Rest for 5 s\n  Discharge at 1 mA for 5 s", 1.0, 1000);
        Engines.Voltage noisyRest = (s, t, amps) -> 1.2;

        List<Decision> ds = Engines.run(engine, engine.start(T0), noisyRest, 100);

        assertThat(cycles(ds)).allSatisfy(c -> {
            assertThat(c.chargeHalf().steps()).isZero();
            assertThat(c.dischargeHalf().steps()).isEqualTo(1);
            assertThat(c.coulombicEfficiency()).isNull();
        });
    }

    @Test
    void anElectrolysisChannelGetsNoBatteryRatiosEvenForChargeAndDischargeSteps() {
        Engine engine = new Engine(ProtocolParser.parse("Charge at 1 mA for 2 s\nDischarge at 1 mA for 2 s"),
                CellMetadata.ofArea(1.0), Engines.H_CELL, CellKind.H_CELL_ELECTROLYSIS, 1000);

        CycleSummary cycle = cycles(Engines.run(engine, engine.start(T0), HALVES, 100)).get(0);

        assertThat(cycle.battery()).isFalse();
        assertThat(cycle.coulombicEfficiency()).isNull();
        assertThat(cycle.dischargeCapacityCoulombs()).isNull();
        assertThat(cycle.dischargeCoulombs()).as("the cathodic charge is still there").isCloseTo(0.002, within(1e-17));
    }
}
