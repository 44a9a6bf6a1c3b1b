package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.no3rr.engine.EngineStepEndTest.T0;
import static org.no3rr.engine.EngineStepEndTest.engine;
import static org.no3rr.engine.Script.at;

import org.junit.jupiter.api.Test;

/** Safety limits win over step ends and fault the run within the same reading. */
class EngineSafetyTest {

    @Test
    void aVoltageBreachMidStepFaultsInTheSameDecisionEvenWhenItAlsoMeetsTheCutOff() {
        Engine engine = engine("Limits: 0.0 V to 2.6 V, -50 mA to 50 mA\nCharge at 10 mA until 2.5 V\nRest for 1 min",
                1.0, 1000);
        Decision d = engine.next(engine.start(T0).state(), at(T0 + 1000, 2.0, 0.01));
        assertThat(d.commands()).isEmpty();

        Decision breach = engine.next(d.state(), at(T0 + 2000, 2.7, 0.01));

        String reason = "cell voltage 2.7000 V is outside the safety limits 0.0000 V to 2.6000 V";
        assertThat(breach.commands()).containsExactly(new Command.SafeState(reason));
        assertThat(breach.events()).containsExactly(new EngineEvent.RunFaulted(T0 + 2000, reason));
        assertThat(breach.state().status()).isEqualTo(RunStatus.FAULTED);
        assertThat(breach.state().faultReason()).isEqualTo(reason);
        assertThat(breach.sample()).isEqualTo(new RecordedSample(at(T0 + 2000, 2.7, 0.01), 1, 1, 2, "charge"));
        assertThat(breach.state().stepChargeCoulombs()).isEqualTo(0.02);

        Decision after = engine.next(breach.state(), at(T0 + 3000, 2.0, 0.0));
        assertThat(after.commands()).isEmpty();
        assertThat(after.state()).isEqualTo(breach.state());
        assertThat(engine.resume(breach.state(), T0 + 4000).commands()).isEmpty();
    }

    @Test
    void currentLimitsInDensityUseTheCellArea() {
        Engine engine = engine("Limits: -50 to 50 mA/cm2\nDischarge at 10 mA/cm2 for 1 h", 2.0, 1000);

        Decision d = engine.next(engine.start(T0).state(), at(T0 + 1000, 1.1, -0.12));

        String reason = "current -120.0000 mA is outside the safety limits -100.0000 mA to 100.0000 mA";
        assertThat(d.commands()).containsExactly(new Command.SafeState(reason));
        assertThat(d.state().status()).isEqualTo(RunStatus.FAULTED);
    }

    @Test
    void aHardwareFailureFaultsTheRunAndAPersonCanStopIt() {
        Engine engine = engine("Ask \"Ready?\"\nCharge at 1 mA for 1 h", 1.0, 1000);
        EngineState running = engine.answer(engine.start(T0).state(), "yes", T0 + 10).state();

        Decision faulted = engine.fault(running, "cell voltage input did not answer", T0 + 500);
        Decision stopped = engine.stop(engine.start(T0).state(), "stopped by the user", T0 + 20);

        assertThat(faulted.commands()).containsExactly(new Command.SafeState("cell voltage input did not answer"));
        assertThat(faulted.events()).containsExactly(
                new EngineEvent.RunFaulted(T0 + 500, "cell voltage input did not answer"));
        assertThat(faulted.state().status()).isEqualTo(RunStatus.FAULTED);
        assertThat(faulted.state().faultReason()).isEqualTo("cell voltage input did not answer");
        assertThat(stopped.commands()).containsExactly(new Command.SafeState("stopped by the user"));
        assertThat(stopped.events()).containsExactly(new EngineEvent.RunFinished(T0 + 20, "stopped by the user"));
        assertThat(stopped.state().status()).isEqualTo(RunStatus.DONE);
        assertThat(stopped.state().pendingPrompt()).isNull();
        assertThat(engine.stop(faulted.state(), "again", T0 + 600).state()).isEqualTo(faulted.state());
        assertThat(engine.stop(faulted.state(), "again", T0 + 600).commands()).isEmpty();
    }

    @Test
    void readingsOnTheLimitAreSafe() {
        Engine engine = engine("Limits: 0.0 V to 2.6 V, -50 mA to 50 mA\nCharge at 50 mA for 1 h", 1.0, 1000);

        Decision d = engine.next(engine.start(T0).state(), at(T0 + 1000, 2.6, 0.05));

        assertThat(d.state().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(d.commands()).isEmpty();
    }

    @Test
    void aReadingThatIsNotANumberFaultsEvenWithoutLimits() {
        Engine engine = engine("Discharge at 1 mA until 0.8 V", 1.0, 1000);

        Decision d = engine.next(engine.start(T0).state(), at(T0 + 1000, Double.NaN, -0.001));

        String reason = "the cell voltage reading is NaN, not a number: check the voltage input";
        assertThat(d.commands()).containsExactly(new Command.SafeState(reason));
        assertThat(d.events()).containsExactly(new EngineEvent.RunFaulted(T0 + 1000, reason));
        assertThat(EngineState.decode(d.state().encode())).isEqualTo(d.state());
    }
}
