package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.no3rr.engine.Engines.T0;
import static org.no3rr.engine.Engines.battery;
import static org.no3rr.engine.Engines.last;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.Measurement;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.StepKind;

/** The engine is pure and its state encodes exactly, so a stored state resumes with identical decisions. */
class EngineStateTest {

    private static final String CYCLING = String.join("\n",
            "Rest for 3 s",
            "Repeat 3 times:",
            "  Discharge at 5 mA/cm2 until 0.9 V",
            "  Ask \"Sample taken?\"",
            "  Charge at 5 mA/cm2 for 10 s");

    /**
     * Voltage falls 30 mV per second of discharge, rises 10 mV per second of charge; ±5 mA with a
     * ripple. A function of the state and time only, so a restored state sees the same cell.
     */
    private static final Engines.Cell CELL = (s, t, setpoint) -> {
        double elapsed = (t - s.stepStartMillis()) / 1000.0;
        double amps = s.stepKind() == StepKind.DISCHARGE ? -0.005 : s.stepKind() == StepKind.CHARGE ? 0.005 : 0;
        double volts = amps < 0 ? 1.2 - 0.03 * elapsed : 1.3 + 0.01 * elapsed;
        return new Measurement(t, volts + 1e-4 * Math.sin(t), amps * (1 + 1e-3 * Math.cos(t)), Double.NaN, Double.NaN);
    };

    /** Runs to the end, answering every question 5 minutes after it is asked. */
    private static List<Decision> runAnswering(Engine engine, Decision first) {
        List<Decision> all = new java.util.ArrayList<>(Engines.runWith(engine, first, CELL, 10_000));
        while (last(all).state().state() == RunState.WAITING_FOR_ANSWER) {
            Decision answered = engine.answer(last(all).state(), "yes", last(all).nextReadingAtMillis() + 300_000);
            all.addAll(Engines.runWith(engine, answered, CELL, 10_000));
        }
        return all;
    }

    @Test
    void nextIsPureSameInputsGiveEqualDecisionsAndTheInputStateIsUntouched() {
        Engine engine = battery(CYCLING, 1.0, 1000);
        List<Decision> ds = Engines.runWith(engine, engine.start(T0), CELL, 8);
        EngineState midStep = last(ds).state();
        String before = midStep.encode();
        Measurement m = Engines.at(last(ds).nextReadingAtMillis(), 1.05, -0.005);

        Decision first = engine.next(midStep, m);

        assertThat(engine.next(midStep, m)).isEqualTo(first);
        assertThat(midStep.encode()).isEqualTo(before);
        assertThat(new Engine(engine.protocol(), engine.cell(), Engines.BATTERY, CellKind.ZN_NITRATE_BATTERY, 1000)
                .next(midStep, m)).isEqualTo(first);
    }

    @Test
    void encodeDecodeRoundTripsEveryStateOfARunExactly() {
        Engine engine = battery(CYCLING, 1.0, 1000);

        List<Decision> ds = runAnswering(engine, engine.start(T0));

        assertThat(last(ds).state().state()).isEqualTo(RunState.DONE);
        assertThat(ds).allSatisfy(d -> assertThat(EngineState.decode(d.state().encode())).isEqualTo(d.state()));
    }

    @Test
    void encodeKeepsAwkwardTextsAndSpecialDoubles() {
        EngineState.Builder b = EngineState.beforeStart(T0, true).toBuilder();
        b.stepText = "Ask \"a;b=c%d:é 💥\nnext\"";
        b.pendingPrompt = "a;b=c%d+e:é 💥";
        b.endReason = "";
        b.step = StepTotals.EMPTY.plus(0, -0.0, Double.MIN_VALUE).plus(1000, 0.1 + 0.2, -Double.MAX_VALUE / 4);
        b.referenceCycles = List.of(new CycleCapacity(1, 18.000000000000004, 17.5));
        b.regulation = new Regulation(-0.0031, true, 3, 81.25, -0.0004);
        b.cellEstimate = new CellEstimate(1.47, -1e-4, 412.5, -2e-5);
        EngineState awkward = b.build();

        String encoded = awkward.encode();

        assertThat(encoded).startsWith("engine-state/2;").doesNotContain("\n");
        EngineState decoded = EngineState.decode(encoded);
        assertThat(decoded).isEqualTo(awkward);
        assertThat(Double.doubleToRawLongBits(decoded.step().firstVoltageV()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void aRegulatedRunRoundTripsAndContinuesIdenticallyFromAnyState() {
        // a 10 Ω cell whose source rises 1 mV per second of charge: CCCV switches to its hold and tapers
        Engine engine = battery("Charge at 5 mA until 1.4 V then hold until 2 mA or 10 min", 1.0, 1000);
        // (it carries the current the state says is commanded, so a restored state sees the same cell)
        Engines.Cell cell = (s, t, setpoint) -> {
            double amps = Double.isNaN(s.regulation().amps()) ? 0.0 : s.regulation().amps();
            return Engines.at(t, 1.3 + 0.001 * (t - T0) / 1000.0 + 10 * amps, amps);
        };
        List<Decision> original = Engines.runWith(engine, engine.start(T0), cell, 2_000);
        assertThat(last(original).state().state()).isEqualTo(RunState.DONE);
        assertThat(original).anyMatch(d -> d.state().regulation().regulating());
        assertThat(original).allSatisfy(d -> assertThat(EngineState.decode(d.state().encode())).isEqualTo(d.state()));

        int crashAt = original.size() / 2;
        Decision restored = Decision.unchanged(EngineState.decode(original.get(crashAt).state().encode()),
                original.get(crashAt).nextReadingAtMillis());
        List<Decision> continued = Engines.runWith(battery("Charge at 5 mA until 1.4 V then hold until 2 mA or 10 min",
                1.0, 1000), restored, cell, 2_000);
        assertThat(continued.subList(1, continued.size())).isEqualTo(original.subList(crashAt + 1, original.size()));
    }

    @Test
    void decodeRefusesForeignAndOldText() {
        assertThatThrownBy(() -> EngineState.decode("{\"state\":\"RUNNING\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine-state/2");
        assertThatThrownBy(() -> EngineState.decode("engine-state/1;status=RUNNING;position=0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine-state/2");
        assertThatThrownBy(() -> EngineState.decode("engine-state/2;state=RUNNING"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks the field 'position'");
        String valid = EngineState.beforeStart(T0, true).encode();
        assertThatThrownBy(() -> EngineState.decode(valid.replace("cycle=1", "cycle=one")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed value");
    }

    @Test
    void aDecodedStateContinuesWithIdenticalDecisions() {
        Engine engine = battery(CYCLING, 1.0, 1000);
        List<Decision> original = runAnswering(engine, engine.start(T0));
        int crashAt = 17;
        Decision atCrash = original.get(crashAt);

        Decision restored = Decision.unchanged(EngineState.decode(atCrash.state().encode()),
                atCrash.nextReadingAtMillis());
        List<Decision> continued = runAnswering(battery(CYCLING, 1.0, 1000), restored);

        assertThat(continued.subList(1, continued.size())).isEqualTo(original.subList(crashAt + 1, original.size()));
    }
}
