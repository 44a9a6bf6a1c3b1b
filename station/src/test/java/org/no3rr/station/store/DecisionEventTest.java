package org.no3rr.station.store;

import org.junit.jupiter.api.Test;
import org.no3rr.engine.EngineEvent;
import org.no3rr.engine.RunState;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's history in kinds and words, as the writer stores each engine event with its decision. */
class DecisionEventTest {

    @Test
    void eachEngineEventHasItsKindAndWords() {
        assertThat(DecisionEvent.of(new EngineEvent.StepStarted(1_000, 3, 5, 2, "Charge at 5 mA/cm2 for 10 min")))
                .isEqualTo(new DecisionEvent(1_000, RunEvent.STEP_STARTED,
                        "step 3 (protocol line 5), cycle 2: Charge at 5 mA/cm2 for 10 min"));
        assertThat(DecisionEvent.of(new EngineEvent.StepEnded(2_000, 3, "2.5 V cut-off reached at 2.5012 V")))
                .isEqualTo(new DecisionEvent(2_000, RunEvent.STEP_ENDED,
                        "step 3 ended: 2.5 V cut-off reached at 2.5012 V"));
        assertThat(DecisionEvent.of(new EngineEvent.PromptRaised(3_000, "Add 1 mL of nitrate?")))
                .isEqualTo(new DecisionEvent(3_000, RunEvent.PROMPT, "Add 1 mL of nitrate?"));
        assertThat(DecisionEvent.of(new EngineEvent.PromptAnswered(4_000, "Add 1 mL of nitrate?", "added", 500)))
                .isEqualTo(new DecisionEvent(4_000, RunEvent.ANSWER, "added"));
        assertThat(DecisionEvent.of(new EngineEvent.Paused(5_000, "storage refuses samples")))
                .isEqualTo(new DecisionEvent(5_000, RunEvent.PAUSED, "storage refuses samples"));
        assertThat(DecisionEvent.of(new EngineEvent.Resumed(6_000, "resumed by the operator")))
                .isEqualTo(new DecisionEvent(6_000, RunEvent.RESUMED, "resumed by the operator; the time since the "
                        + "last reading is not step time and carries no charge"));
    }

    @Test
    void aRunsEndIsFinishedStoppedOrAFault() {
        assertThat(DecisionEvent.of(new EngineEvent.RunEnded(7_000, RunState.DONE, "protocol complete")).kind())
                .isEqualTo(RunEvent.FINISHED);
        assertThat(DecisionEvent.of(new EngineEvent.RunEnded(7_000, RunState.STOPPED, "stopped by the operator")))
                .isEqualTo(new DecisionEvent(7_000, RunEvent.STOPPED, "stopped by the operator"));
        assertThat(DecisionEvent.of(new EngineEvent.RunEnded(7_000, RunState.FAULTED, "current out of compliance"))
                .kind()).isEqualTo(RunEvent.FAULT);
    }
}
