package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.no3rr.engine.Engines.T0;
import static org.no3rr.engine.Engines.at;
import static org.no3rr.engine.Engines.battery;
import static org.no3rr.engine.Engines.last;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.metrics.StepSummary;
import org.no3rr.protocol.StepKind;

/** Exact command sequences, step times and summaries for each kind of step end. */
class EngineStepEndTest {

    @Test
    void startAppliesTheFirstSetpointAndAsksForAReadingAtOnce() {
        Engine engine = battery("Rest for 10 min\nDischarge at 5 mA/cm2 until 0.8 V or 2 h", 2.0, 1000);

        Decision d = engine.start(T0);

        assertThat(d.commands()).containsExactly(new Command.OpenCircuit());
        assertThat(d.events()).containsExactly(new EngineEvent.StepStarted(T0, 1, 1, 1, "Rest for 10 min"));
        assertThat(d.sample()).isNull();
        assertThat(d.closedSteps()).isEmpty();
        assertThat(d.nextReadingAtMillis()).isEqualTo(T0);
        EngineState s = d.state();
        assertThat(s.state()).isEqualTo(RunState.RUNNING);
        assertThat(List.of(s.cycle(), s.stepNumber(), s.stepLine())).containsExactly(1, 1, 1);
        assertThat(s.stepKind()).isEqualTo(StepKind.REST);
        assertThat(s.stepElapsedMillis()).isZero();
        assertThat(s.lastReadingMillis()).isEqualTo(EngineState.NO_READING);
    }

    @Test
    void aTimeEndFallsExactlyOnAReadingWhichIsTheStepsLastSample() {
        Engine engine = battery("Rest for 10 s\nDischarge at 5 mA/cm2 until 0.8 V or 2 h", 2.0, 3000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), (s, t, amps) -> 1.4, 5);

        assertThat(ds).extracting(Decision::nextReadingAtMillis)
                .containsExactly(T0, T0 + 3000, T0 + 6000, T0 + 9000, T0 + 10_000, T0 + 10_000);
        assertThat(ds.subList(1, 5)).extracting(d -> d.sample().stepTimeMillis())
                .containsExactly(0L, 3000L, 6000L, 9000L);
        Decision end = ds.get(5);
        assertThat(end.sample()).isEqualTo(new RecordedSample(at(T0 + 10_000, 1.4, 0.0), 10_000, 1, 1, 1,
                StepKind.REST));
        assertThat(end.commands()).containsExactly(new Command.ApplyCurrent(-0.01));
        assertThat(end.events()).containsExactly(
                new EngineEvent.StepEnded(T0 + 10_000, 1, "10 s elapsed"),
                new EngineEvent.StepStarted(T0 + 10_000, 2, 2, 1, "Discharge at 5 mA/cm2 until 0.8 V or 2 h"));
        StepSummary rest = end.closedSteps().get(0);
        assertThat(rest.kind()).isEqualTo(StepKind.REST);
        assertThat(rest.totals().sampleCount()).isEqualTo(5);
        assertThat(rest.durationS()).isEqualTo(10.0);
        assertThat(rest.endReason()).isEqualTo("10 s elapsed");
        assertThat(rest.totals().throughputCoulombs()).isZero();
        assertThat(rest.totals().meanVoltageV()).isEqualTo(1.4);
        assertThat(end.nextReadingAtMillis()).as("the discharge's first reading, at its step time 0")
                .isEqualTo(T0 + 10_000);
    }

    @Test
    void aVoltageCutOffEndsTheStepAtTheReadingThatReachesIt() {
        Engine engine = battery("Discharge at 10 mA until 0.8 V\nRest for 1 s", 1.0, 1000);

        List<Decision> ds = Engines.run(engine, engine.start(T0),
                (s, t, amps) -> amps == 0 ? 1.3 : 1.0 - 0.01 * (t - T0) / 1000.0, 100);

        Decision end = ds.stream().filter(d -> !d.closedSteps().isEmpty()).findFirst().orElseThrow();
        assertThat(end.sample().stepTimeMillis()).isEqualTo(20_000);
        assertThat(end.events().get(0)).isEqualTo(
                new EngineEvent.StepEnded(T0 + 20_000, 1, "0.8 V cut-off reached at 0.8000 V"));
        StepSummary discharge = end.closedSteps().get(0);
        assertThat(discharge.totals().sampleCount()).isEqualTo(21);
        assertThat(discharge.totals().dischargeCoulombs()).isCloseTo(0.2, within(1e-15));
        assertThat(discharge.totals().chargeCoulombs()).isZero();
        assertThat(discharge.totals().dischargeEnergyJ()).as("0.01 A × ∫(1 − 0.01 t) dt over 20 s")
                .isCloseTo(0.18, within(1e-15));
        assertThat(discharge.totals().meanDischargeVoltageV()).isCloseTo(0.9, within(1e-14));
        assertThat(discharge.chargeFloorCoulombs()).as("1 µA × 20 s").isCloseTo(20e-6, within(1e-18));
    }

    @Test
    void aCapacityEndComparesTheChargeIncludingTheReading() {
        Engine engine = battery("Charge at 36 mA until 0.01 mAh\nRest for 1 s", 1.0, 500);

        List<Decision> ds = Engines.run(engine, engine.start(T0), (s, t, amps) -> 1.5, 10);

        Decision end = ds.stream().filter(d -> !d.closedSteps().isEmpty()).findFirst().orElseThrow();
        assertThat(end.sample().stepTimeMillis()).as("0.036 C at 36 mA").isEqualTo(1000);
        assertThat(end.closedSteps().get(0).endReason()).isEqualTo("0.01 mAh reached (0.0100 mAh)");
        assertThat(end.closedSteps().get(0).totals().chargeCoulombs()).isCloseTo(0.036, within(1e-15));
    }

    @Test
    void theProtocolsEndClosesTheLastStepAndCycle() {
        Engine engine = battery("Charge at 1 mA for 2 s", 1.0, 1000);

        Decision end = last(Engines.run(engine, engine.start(T0), (s, t, amps) -> 1.5, 10));

        assertThat(end.state().state()).isEqualTo(RunState.DONE);
        assertThat(end.state().endReason()).isEqualTo("protocol completed");
        assertThat(end.commands()).containsExactly(new Command.SafeState("protocol completed"));
        assertThat(end.events()).containsExactly(new EngineEvent.StepEnded(T0 + 2000, 1, "2 s elapsed"),
                new EngineEvent.RunEnded(T0 + 2000, RunState.DONE, "protocol completed"));
        assertThat(end.closedSteps()).hasSize(1);
        assertThat(end.closedCycles()).singleElement().satisfies(c -> {
            assertThat(c.cycle()).isEqualTo(1);
            assertThat(c.chargeHalf().coulombs()).isCloseTo(0.002, within(1e-17));
            assertThat(c.coulombicEfficiency()).as("no discharge half").isNull();
        });
    }
}
