package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.no3rr.engine.Script.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.protocol.ProtocolParser;

/** Exact command sequences for each kind of step end. */
class EngineStepEndTest {

    static final long T0 = 1_700_000_000_000L;

    static Engine engine(String protocol, double areaCm2, long intervalMillis) {
        return new Engine(ProtocolParser.parse(protocol), CellMetadata.ofArea(areaCm2), intervalMillis);
    }

    @Test
    void startIssuesTheFirstStepsCommandAndEvent() {
        Engine engine = engine("Rest for 10 min\nDischarge at 5 mA/cm2 until 0.8 V or 2 h", 2.0, 1000);

        Decision d = engine.start(T0);

        assertThat(d.commands()).containsExactly(new Command.OpenCircuit());
        assertThat(d.events()).containsExactly(new EngineEvent.StepStarted(T0, 1, 1, 1, "Rest for 10 min"));
        assertThat(d.sample()).isNull();
        assertThat(d.nextReadingAtMillis()).isEqualTo(T0 + 1000);
        EngineState s = d.state();
        assertThat(s.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(List.of(s.cycle(), s.stepNumber(), s.stepIndex())).containsExactly(1, 1, 1);
        assertThat(s.stepType()).isEqualTo("rest");
        assertThat(s.stepText()).isEqualTo("Rest for 10 min");
        assertThat(s.runStartMillis()).isEqualTo(T0);
        assertThat(s.stepStartMillis()).isEqualTo(T0);
        assertThat(s.pendingPrompt()).isNull();
        assertThat(s.faultReason()).isNull();
    }

    @Test
    void timeEndFallsExactlyOnAReadingWhichIsTheStepsLastSample() {
        Engine engine = engine("Rest for 10 s\nDischarge at 5 mA/cm2 until 0.8 V or 2 h", 2.0, 3000);

        List<Decision> ds = Script.run(engine, engine.start(T0), Script.constantVoltage(1.4, engine), 4);

        assertThat(ds).extracting(Decision::nextReadingAtMillis)
                .containsExactly(T0 + 3000, T0 + 6000, T0 + 9000, T0 + 10_000, T0 + 13_000);
        assertThat(ds.subList(1, 4)).allSatisfy(d -> {
            assertThat(d.commands()).isEmpty();
            assertThat(d.events()).isEmpty();
            assertThat(d.sample().stepType()).isEqualTo("rest");
        });
        Decision last = ds.get(4);
        assertThat(last.sample()).isEqualTo(new RecordedSample(at(T0 + 10_000, 1.4, 0.0), 1, 1, 1, "rest"));
        assertThat(last.commands()).containsExactly(new Command.ApplyCurrent(-0.01));
        assertThat(last.events()).containsExactly(
                new EngineEvent.StepEnded(T0 + 10_000, 1, "10 s elapsed"),
                new EngineEvent.StepStarted(T0 + 10_000, 2, 2, 1, "Discharge at 5 mA/cm2 until 0.8 V or 2 h"));
        assertThat(last.state().stepType()).isEqualTo("discharge");
        assertThat(last.state().stepStartMillis()).isEqualTo(T0 + 10_000);
    }

    @Test
    void dischargeEndsWhenTheVoltageFallsToTheCutOff() {
        Engine engine = engine("Discharge at 1 mA until 0.8 V", 1.0, 1000);
        double[] volts = {1.0, 0.9, 0.81, 0.8};

        List<Decision> ds = Script.run(engine, engine.start(T0),
                (s, t) -> new Script.Reading(volts[(int) ((t - T0) / 1000) - 1], -0.001), 10);

        assertThat(ds).hasSize(5);
        assertThat(ds.get(0).commands()).containsExactly(new Command.ApplyCurrent(-0.001));
        assertThat(ds.subList(1, 4)).allSatisfy(d -> assertThat(d.commands()).isEmpty());
        Decision last = ds.get(4);
        assertThat(last.sample().measurement().voltage()).isEqualTo(0.8);
        assertThat(last.commands()).containsExactly(new Command.SafeState("protocol finished"));
        assertThat(last.events()).containsExactly(
                new EngineEvent.StepEnded(T0 + 4000, 1, "0.8 V cut-off reached at 0.8000 V"),
                new EngineEvent.RunFinished(T0 + 4000, "protocol finished"));
        assertThat(last.state().status()).isEqualTo(RunStatus.DONE);
        assertThat(ds).extracting(Decision::recorded).containsExactly(false, true, true, true, true);
    }

    @Test
    void chargeEndsWhenTheVoltageRisesToTheCutOff() {
        Engine engine = engine("Charge at 2 mA until 2.4 V\nRest for 1 min", 1.0, 1000);
        double[] volts = {2.0, 2.39, 2.41};

        List<Decision> ds = Script.run(engine, engine.start(T0),
                (s, t) -> new Script.Reading(s.stepType().equals("rest") ? 2.3 : volts[(int) ((t - T0) / 1000) - 1],
                        0.002), 3);

        assertThat(ds.get(0).commands()).containsExactly(new Command.ApplyCurrent(0.002));
        assertThat(ds.get(3).commands()).containsExactly(new Command.OpenCircuit());
        assertThat(ds.get(3).events()).containsExactly(
                new EngineEvent.StepEnded(T0 + 3000, 1, "2.4 V cut-off reached at 2.4100 V"),
                new EngineEvent.StepStarted(T0 + 3000, 2, 2, 1, "Rest for 1 min"));
    }

    @Test
    void capacityEndUsesTheStepsChargeMagnitude() {
        Engine engine = engine("Discharge at 500 mA until 1 C\nRest for 1 s", 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), Script.constantVoltage(1.2, engine), 2);

        assertThat(ds.get(1).state().stepChargeCoulombs()).isEqualTo(-0.5);
        Decision end = ds.get(2);
        assertThat(end.commands()).containsExactly(new Command.OpenCircuit());
        assertThat(end.events()).containsExactly(
                new EngineEvent.StepEnded(T0 + 2000, 1, "0.277778 mAh reached (0.2778 mAh)"),
                new EngineEvent.StepStarted(T0 + 2000, 2, 2, 1, "Rest for 1 s"));
        assertThat(end.state().stepChargeCoulombs()).isZero();
        assertThat(end.state().totalChargeCoulombs()).isEqualTo(-1.0);
        assertThat(end.state().cycleDischargeCoulombs()).isEqualTo(1.0);
    }

    @Test
    void whicheverEndComesFirstWins_time() {
        Engine engine = engine("Discharge at 1 mA until 0.8 V or 5 s", 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), Script.constantVoltage(1.0, engine), 100);

        assertThat(ds).hasSize(6);
        assertThat(ds.get(5).events()).first().isEqualTo(new EngineEvent.StepEnded(T0 + 5000, 1, "5 s elapsed"));
    }

    @Test
    void whicheverEndComesFirstWins_voltage() {
        Engine engine = engine("Discharge at 1 mA for 5 s or until 0.8 V", 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0),
                (s, t) -> new Script.Reading(t - T0 >= 3000 ? 0.7 : 1.0, -0.001), 100);

        assertThat(ds).hasSize(4);
        assertThat(ds.get(3).events()).first()
                .isEqualTo(new EngineEvent.StepEnded(T0 + 3000, 1, "0.8 V cut-off reached at 0.7000 V"));
    }

    @Test
    void aStepEndingBeforeItsFirstIntervalIsReadAtItsEnd() {
        Engine engine = engine("Rest for 500 ms\nRest for 2.5 s", 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), Script.constantVoltage(1.3, engine), 100);

        assertThat(ds).extracting(Decision::nextReadingAtMillis)
                .containsExactly(T0 + 500, T0 + 1500, T0 + 2500, T0 + 3000, T0 + 4000);
        assertThat(ds.get(4).state().status()).isEqualTo(RunStatus.DONE);
    }

    @Test
    void chargeAndEnergyAreIntegratedWithTheTrapezoidRule() {
        Engine engine = engine("Charge at 2 A until 2.4 V", 1.0, 1000);
        Decision d = engine.start(T0);

        d = engine.next(d.state(), at(T0 + 1000, 2.0, 1.0));
        assertThat(d.state().stepChargeCoulombs()).isEqualTo(1.0);
        assertThat(d.state().stepEnergyJoules()).isEqualTo(2.0);
        d = engine.next(d.state(), at(T0 + 2000, 2.2, 3.0));
        assertThat(d.state().stepChargeCoulombs()).isEqualTo(3.0);
        assertThat(d.state().totalChargeCoulombs()).isEqualTo(3.0);
        assertThat(d.state().stepEnergyJoules()).isCloseTo(2.0 + (2.0 + 6.6) / 2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.state().cycleChargeCoulombs()).isEqualTo(3.0);
    }
}
