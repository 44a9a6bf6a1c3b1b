package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.no3rr.engine.EngineStepEndTest.T0;
import static org.no3rr.engine.EngineStepEndTest.engine;
import static org.no3rr.engine.Script.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.Measurement;

/** Purity, the text form of the state, and resuming after a restart. */
class EngineStateTest {

    private static final String CYCLING = String.join("\n",
            "Rest for 5 s",
            "Repeat 3 times:",
            "  Discharge at 5 mA/cm2 until 0.8 V or 20 s",
            "  Charge at 5 mA/cm2 for 10 s");

    /** A cell whose voltage falls 20 mV per second of discharge, with a little ripple from time. */
    private static Script.Reading cell(EngineState s, long t, Engine engine) {
        double elapsed = (t - s.stepStartMillis()) / 1000.0;
        double volts = s.stepType().equals("discharge") ? 1.2 - 0.03 * elapsed : 1.3 + 0.01 * elapsed;
        return new Script.Reading(volts + 1e-4 * Math.sin(t), Script.commandedAmps(s, engine) * (1 + 1e-3 * Math.cos(t)));
    }

    @Test
    void nextIsPure_sameInputsGiveEqualDecisionsAndTheInputStateIsUntouched() {
        Engine engine = engine(CYCLING, 1.0, 1000);
        List<Decision> ds = Script.run(engine, engine.start(T0), (s, t) -> cell(s, t, engine), 12);
        EngineState midStep = ds.get(8).state();
        String before = midStep.encode();
        Measurement m = at(ds.get(8).nextReadingAtMillis(), 1.05, -0.005);

        Decision first = engine.next(midStep, m);
        Decision second = engine.next(midStep, m);

        assertThat(second).isEqualTo(first);
        assertThat(midStep.encode()).isEqualTo(before);
        assertThat(new Engine(engine.protocol(), engine.cell(), 1000).next(midStep, m)).isEqualTo(first);
    }

    @Test
    void encodeDecodeRoundTripsEveryStateOfARunExactly() {
        Engine engine = engine(CYCLING, 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), (s, t) -> cell(s, t, engine), 1000);

        assertThat(ds.get(ds.size() - 1).state().status()).isEqualTo(RunStatus.DONE);
        assertThat(ds).allSatisfy(d -> assertThat(EngineState.decode(d.state().encode())).isEqualTo(d.state()));
    }

    @Test
    void encodeKeepsAwkwardTextsAndSpecialDoubles() {
        EngineState s = EngineState.beforeStart(T0).toBuilder().build();
        EngineState.Builder b = s.toBuilder();
        b.stepText = "Ask \"a;b=c%d é 💥\nnext\"";
        b.pendingPrompt = "a;b=c%d+e é 💥";
        b.faultReason = "";
        b.lastVoltage = -0.0;
        b.stepChargeCoulombs = Double.MIN_VALUE;
        b.totalChargeCoulombs = -Double.MAX_VALUE;
        b.stepEnergyJoules = 0.1 + 0.2;
        b.referenceCycles = List.of(new CycleCapacity(1, 18.000000000000004, 17.5));
        EngineState awkward = b.build();

        String encoded = awkward.encode();

        assertThat(encoded).startsWith("engine-state/1;").doesNotContain("\n");
        assertThat(EngineState.decode(encoded)).isEqualTo(awkward);
        assertThat(Double.doubleToRawLongBits(EngineState.decode(encoded).lastVoltage()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void decodeRefusesForeignText() {
        assertThatThrownBy(() -> EngineState.decode("{\"status\":\"RUNNING\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine-state/1");
        assertThatThrownBy(() -> EngineState.decode("engine-state/1;status=RUNNING"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks the field 'position'");
        String valid = EngineState.beforeStart(T0).encode();
        assertThatThrownBy(() -> EngineState.decode(valid.replace("cycle=1", "cycle=one")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed number");
    }

    @Test
    void aDecodedStateContinuesWithIdenticalDecisions() {
        Engine engine = engine(CYCLING, 1.0, 1000);
        List<Decision> original = Script.run(engine, engine.start(T0), (s, t) -> cell(s, t, engine), 1000);
        int crashAt = 17;

        Decision restored = new Decision(EngineState.decode(original.get(crashAt).state().encode()), List.of(),
                List.of(), null, original.get(crashAt).nextReadingAtMillis());
        Engine restarted = engine(CYCLING, 1.0, 1000);
        List<Decision> continued = Script.run(restarted, restored, (s, t) -> cell(s, t, restarted), 1000);

        assertThat(continued.subList(1, continued.size())).isEqualTo(original.subList(crashAt + 1, original.size()));
    }

    @Test
    void resumeReissuesTheStepsCommandKeepsItsChargeAndCountsTheGapAsElapsed() {
        Engine engine = engine("Discharge at 5 mA/cm2 for 10 s\nRest for 5 s", 2.0, 1000);
        List<Decision> ds = Script.run(engine, engine.start(T0), (s, t) -> new Script.Reading(1.2, -0.01), 4);
        EngineState stored = EngineState.decode(ds.get(4).state().encode());
        assertThat(stored.stepChargeCoulombs()).isEqualTo(-0.04);

        Decision resumed = engine.resume(stored, T0 + 7000);

        assertThat(resumed.commands()).containsExactly(new Command.ApplyCurrent(-0.01));
        assertThat(resumed.events()).containsExactly(new EngineEvent.RunResumed(T0 + 7000, 1, 1));
        assertThat(resumed.nextReadingAtMillis()).isEqualTo(T0 + 8000);
        assertThat(resumed.state().stepStartMillis()).isEqualTo(T0);
        assertThat(resumed.state().stepChargeCoulombs()).isEqualTo(-0.04);
        assertThat(resumed.state().stepNumber()).isEqualTo(1);

        Decision first = engine.next(resumed.state(), at(T0 + 8000, 1.2, -0.01));
        assertThat(first.state().stepChargeCoulombs()).as("no charge is counted for the gap").isEqualTo(-0.04);
        assertThat(first.recorded()).isTrue();
        Decision second = engine.next(first.state(), at(T0 + 9000, 1.2, -0.01));
        assertThat(second.state().stepChargeCoulombs()).isEqualTo(-0.05);
        Decision end = engine.next(second.state(), at(second.nextReadingAtMillis(), 1.2, -0.01));
        assertThat(end.sample().measurement().epochMillis()).isEqualTo(T0 + 10_000);
        assertThat(end.events()).first().isEqualTo(new EngineEvent.StepEnded(T0 + 10_000, 1, "10 s elapsed"));
    }

    @Test
    void resumeAfterTheStepsTimeRanOutMovesOnAtOnce() {
        Engine engine = engine("Discharge at 5 mA/cm2 for 10 s\nRest for 5 s", 2.0, 1000);
        EngineState stored = Script.run(engine, engine.start(T0), (s, t) -> new Script.Reading(1.2, -0.01), 4)
                .get(4).state();

        Decision resumed = engine.resume(stored, T0 + 12_000);

        assertThat(resumed.commands()).containsExactly(new Command.OpenCircuit());
        assertThat(resumed.events()).containsExactly(
                new EngineEvent.RunResumed(T0 + 12_000, 1, 1),
                new EngineEvent.StepEnded(T0 + 12_000, 1, "its time ran out while the station was down"),
                new EngineEvent.StepStarted(T0 + 12_000, 2, 2, 1, "Rest for 5 s"));
        assertThat(resumed.state().stepStartMillis()).isEqualTo(T0 + 12_000);
    }

    @Test
    void resumeOfAFinishedRunDoesNothingAndAForeignStateIsRefused() {
        Engine engine = engine("Rest for 1 s", 1.0, 1000);
        EngineState done = engine.next(engine.start(T0).state(), at(T0 + 1000, 1.3, 0)).state();
        assertThat(done.status()).isEqualTo(RunStatus.DONE);

        Decision resumed = engine.resume(done, T0 + 5000);

        assertThat(resumed.commands()).isEmpty();
        assertThat(resumed.state()).isEqualTo(done);
        EngineState foreign = engine(CYCLING, 1.0, 1000).start(T0).state().toBuilder().build();
        EngineState.Builder b = foreign.toBuilder();
        b.position = StepPosition.decode("1.1/0.2");
        assertThatThrownBy(() -> engine.resume(b.build(), T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a step of this protocol");
    }
}
