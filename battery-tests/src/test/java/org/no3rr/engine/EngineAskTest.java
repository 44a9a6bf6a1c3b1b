package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.no3rr.engine.EngineStepEndTest.T0;
import static org.no3rr.engine.EngineStepEndTest.engine;
import static org.no3rr.engine.Script.at;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineAskTest {

    private static final String PROTOCOL =
            "Discharge at 1 mA for 2 s\nAsk \"Refresh the electrolyte\"\nCharge at 1 mA for 1 s";

    private final Engine engine = engine(PROTOCOL, 1.0, 1000);

    private Decision waiting() {
        List<Decision> ds = Script.run(engine, engine.start(T0), Script.constantVoltage(1.2, engine), 100);
        return ds.get(ds.size() - 1);
    }

    @Test
    void anAskPutsTheChannelInItsSafeStateAndWaits() {
        Decision d = waiting();

        assertThat(d.commands()).containsExactly(new Command.SafeState("waiting for answer: Refresh the electrolyte"));
        assertThat(d.events()).containsExactly(
                new EngineEvent.StepEnded(T0 + 2000, 1, "2 s elapsed"),
                new EngineEvent.StepStarted(T0 + 2000, 2, 2, 1, "Ask \"Refresh the electrolyte\""),
                new EngineEvent.PromptRaised(T0 + 2000, "Refresh the electrolyte"));
        assertThat(d.state().status()).isEqualTo(RunStatus.WAITING_FOR_ANSWER);
        assertThat(d.state().pendingPrompt()).isEqualTo("Refresh the electrolyte");
        assertThat(d.state().stepType()).isEqualTo("ask");
        assertThat(EngineState.decode(d.state().encode())).isEqualTo(d.state());
    }

    @Test
    void readingsWhileWaitingChangeNothing() {
        EngineState waiting = waiting().state();

        Decision d = engine.next(waiting, at(T0 + 60_000, 1.3, 0.0));

        assertThat(d.state()).isEqualTo(waiting);
        assertThat(d.commands()).isEmpty();
        assertThat(d.events()).isEmpty();
        assertThat(d.sample()).isNull();
    }

    @Test
    void theAnswerRecordsTheWaitAndStartsTheNextStep() {
        long answeredAt = T0 + 2000 + 300_000;

        Decision d = engine.answer(waiting().state(), "done, sample 3 taken", answeredAt);

        assertThat(d.commands()).containsExactly(new Command.ApplyCurrent(0.001));
        assertThat(d.events()).containsExactly(
                new EngineEvent.PromptAnswered(answeredAt, "Refresh the electrolyte", "done, sample 3 taken", 300_000),
                new EngineEvent.StepStarted(answeredAt, 3, 3, 1, "Charge at 1 mA for 1 s"));
        assertThat(d.state().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(d.state().pendingPrompt()).isNull();
        assertThat(d.state().waitingMillis()).isEqualTo(300_000);
        assertThat(d.nextReadingAtMillis()).isEqualTo(answeredAt + 1000);
    }

    @Test
    void anAnswerWhenNothingWasAskedIsRefused() {
        EngineState running = engine.start(T0).state();

        assertThatThrownBy(() -> engine.answer(running, "yes", T0 + 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not waiting for an answer");
    }

    @Test
    void resumingAWaitingRunAsksAgainWithTheChannelSafe() {
        EngineState waiting = EngineState.decode(waiting().state().encode());

        Decision d = engine.resume(waiting, T0 + 100_000);

        assertThat(d.commands()).containsExactly(new Command.SafeState("waiting for answer: Refresh the electrolyte"));
        assertThat(d.events()).containsExactly(new EngineEvent.RunResumed(T0 + 100_000, 2, 1),
                new EngineEvent.PromptRaised(T0 + 100_000, "Refresh the electrolyte"));
        assertThat(d.state()).isEqualTo(waiting);
        assertThat(engine.answer(d.state(), "ok", T0 + 102_000).state().waitingMillis()).isEqualTo(100_000);
    }

    @Test
    void repeatedAsksBetweenCyclesBelongToTheirCycle() {
        Engine ca = engine("Repeat 2 times:\n  Hold at -0.4 V vs Ag/AgCl for 2 s\n  Ask \"Refresh\"", 1.0, 1000);
        Decision d = Script.run(ca, ca.start(T0), Script.constantVoltage(0.5, ca), 100).get(2);
        assertThat(d.state().status()).isEqualTo(RunStatus.WAITING_FOR_ANSWER);

        Decision afterFirst = ca.answer(d.state(), "", T0 + 5000);

        assertThat(afterFirst.events()).last()
                .isEqualTo(new EngineEvent.StepStarted(T0 + 5000, 3, 2, 2, "Hold at -0.4 V vs Ag/AgCl for 2 s"));
    }
}
