package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.no3rr.engine.Engines.T0;
import static org.no3rr.engine.Engines.at;
import static org.no3rr.engine.Engines.battery;
import static org.no3rr.engine.Engines.last;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.metrics.StepSummary;
import org.no3rr.protocol.StepKind;

/**
 * Time paused, waiting for an answer or with the station down is never step time and never
 * integrated: the step clock stands still, and a timed step runs its full time under current.
 */
class EngineGapTest {

    private static final Engines.Voltage FLAT = (s, t, amps) -> 1.2;

    @Test
    void aTimedStepPausedHalfWayRunsItsFullTimeAfterTheResume() {
        Engine engine = battery("Discharge at 1 mA for 5 min", 1.0, 1000);
        List<Decision> before = Engines.run(engine, engine.start(T0), FLAT, 151);
        EngineState atHalf = last(before).state();
        assertThat(atHalf.stepElapsedMillis()).isEqualTo(150_000);

        Decision paused = engine.pause(atHalf, "paused by the operator", T0 + 150_400);
        assertThat(paused.commands()).containsExactly(new Command.SafeState("paused: paused by the operator"));
        assertThat(paused.events()).containsExactly(new EngineEvent.Paused(T0 + 150_400, "paused by the operator"));
        assertThat(paused.state().state()).isEqualTo(RunState.PAUSED);
        assertThat(engine.next(paused.state(), at(T0 + 200_000, 1.3, 0)).state())
                .as("readings while paused change nothing").isEqualTo(paused.state());

        long resumedAt = T0 + 750_000;
        Decision resumed = engine.resume(paused.state(), "resumed by the operator", resumedAt);
        assertThat(resumed.commands()).containsExactly(new Command.ApplyCurrent(-0.001));
        assertThat(resumed.events()).containsExactly(new EngineEvent.Resumed(resumedAt, "resumed by the operator"));
        assertThat(resumed.nextReadingAtMillis()).isEqualTo(resumedAt);

        List<Decision> after = Engines.run(engine, resumed, FLAT, 1000);
        Decision end = last(after);
        assertThat(end.state().state()).isEqualTo(RunState.DONE);
        StepSummary hold = end.closedSteps().get(0);
        assertThat(hold.endReason()).isEqualTo("5 min elapsed");
        assertThat(hold.endEpochMillis()).as("150 s before the pause, 150 s after").isEqualTo(resumedAt + 150_000);
        assertThat(hold.durationS()).isEqualTo(300.0);
        assertThat(hold.totals().dischargeCoulombs()).as("1 mA × 300 s, nothing for the 600 s pause")
                .isCloseTo(0.3, within(1e-14));
        assertThat(hold.totals().sampleCount()).as("0…150 s, then 150…300 s").isEqualTo(302);
        assertThat(after.get(1).sample().stepTimeMillis()).as("the first reading after the gap adds no step time")
                .isEqualTo(150_000);
    }

    @Test
    void theWaitAtAPromptIsNeitherStepTimeNorCharge() {
        Engine engine = battery("Discharge at 1 mA for 10 s\nAsk \"Refresh the electrolyte\"\n"
                + "Discharge at 1 mA for 5 s", 1.0, 1000);
        Decision waiting = last(Engines.run(engine, engine.start(T0), FLAT, 100));
        assertThat(waiting.state().state()).isEqualTo(RunState.WAITING_FOR_ANSWER);
        assertThat(waiting.commands()).containsExactly(new Command.SafeState("waiting for answer: Refresh the electrolyte"));
        assertThat(waiting.closedSteps()).as("the step before the prompt is closed when the prompt is raised")
                .singleElement().extracting(StepSummary::durationS).isEqualTo(10.0);

        long answeredAt = T0 + 10_000 + 600_000;
        Decision answered = engine.answer(waiting.state(), "done", answeredAt);
        assertThat(answered.commands()).containsExactly(new Command.ApplyCurrent(-0.001));
        assertThat(answered.events()).containsExactly(
                new EngineEvent.PromptAnswered(answeredAt, "Refresh the electrolyte", "done", 600_000),
                new EngineEvent.StepStarted(answeredAt, 2, 3, 1, "Discharge at 1 mA for 5 s"));
        assertThat(answered.nextReadingAtMillis()).isEqualTo(answeredAt);

        StepSummary second = last(Engines.run(engine, answered, FLAT, 100)).closedSteps().get(0);
        assertThat(second.stepNumber()).as("an Ask is not a step: numbers stay without gaps").isEqualTo(2);
        assertThat(second.stepLine()).isEqualTo(3);
        assertThat(second.durationS()).isEqualTo(5.0);
        assertThat(second.totals().dischargeCoulombs()).isCloseTo(0.005, within(1e-16));
        assertThat(second.startEpochMillis()).isEqualTo(answeredAt);
    }

    @Test
    void aRestartContinuesTheStepClockWhereTheLastStoredStateLeftIt() {
        Engine engine = battery("Charge at 2 mA for 1 min\nRest for 1 s", 1.0, 1000);
        EngineState stored = EngineState.decode(last(Engines.run(engine, engine.start(T0), FLAT, 21)).state().encode());
        assertThat(stored.stepElapsedMillis()).isEqualTo(20_000);

        long restartedAt = T0 + 3_600_000;
        Decision restarted = engine.restart(stored, restartedAt);
        assertThat(restarted.commands()).containsExactly(new Command.ApplyCurrent(0.002));
        assertThat(restarted.events()).containsExactly(new EngineEvent.Resumed(restartedAt, "station restarted"));
        assertThat(restarted.nextReadingAtMillis()).isEqualTo(restartedAt);

        StepSummary charge = Engines.run(engine, restarted, FLAT, 100).stream()
                .flatMap(d -> d.closedSteps().stream()).findFirst().orElseThrow();
        assertThat(charge.endEpochMillis()).isEqualTo(restartedAt + 40_000);
        assertThat(charge.durationS()).isEqualTo(60.0);
        assertThat(charge.totals().chargeCoulombs()).isCloseTo(0.12, within(1e-15));
    }

    @Test
    void aRestartLeavesAPausedRunPausedAndAsksAPendingQuestionAgain() {
        Engine engine = battery("Ask \"Ready?\"\nCharge at 1 mA for 1 h", 1.0, 1000);
        EngineState waiting = engine.start(T0).state();
        EngineState paused = engine.pause(engine.answer(waiting, "yes", T0 + 10).state(), "paused by the operator",
                T0 + 20).state();

        Decision askedAgain = engine.restart(waiting, T0 + 100);
        Decision stillPaused = engine.restart(paused, T0 + 100);

        assertThat(askedAgain.commands()).containsExactly(new Command.SafeState("waiting for answer: Ready?"));
        assertThat(askedAgain.events()).containsExactly(new EngineEvent.PromptRaised(T0 + 100, "Ready?"));
        assertThat(askedAgain.state()).isEqualTo(waiting);
        assertThat(stillPaused.commands()).containsExactly(new Command.SafeState("paused when the station restarted"));
        assertThat(stillPaused.state().state()).isEqualTo(RunState.PAUSED);
    }

    @Test
    void theFirstReadingAfterAGapIsRecordedWhateverTheRecordingRule() {
        Engine engine = battery("Record every 1 min\nDischarge at 1 mA for 10 min", 1.0, 1000);
        EngineState running = last(Engines.run(engine, engine.start(T0), FLAT, 31)).state();
        EngineState paused = engine.pause(running, "storage refuses samples", T0 + 30_500).state();

        Decision resumed = engine.resume(paused, "storage takes samples again", T0 + 90_000);
        Decision first = engine.next(resumed.state(), at(T0 + 90_000, 1.2, -0.001));
        Decision second = engine.next(first.state(), at(T0 + 91_000, 1.2, -0.001));

        assertThat(first.sample()).isEqualTo(new RecordedSample(at(T0 + 90_000, 1.2, -0.001), 30_000, 1, 1, 2,
                StepKind.DISCHARGE));
        assertThat(second.sample()).as("the rule applies again after the first").isNull();
        assertThat(second.state().stepElapsedMillis()).isEqualTo(31_000);
    }

    @Test
    void stopAndFaultCloseTheOpenStepWithTheirReason() {
        Engine engine = battery("Repeat 3 times:\n  Discharge at 1 mA for 1 min\n  Charge at 1 mA for 1 min", 1.0, 1000);
        EngineState running = last(Engines.run(engine, engine.start(T0), FLAT, 11)).state();

        Decision stopped = engine.stop(running, "stopped by the operator", T0 + 10_300);
        Decision faulted = engine.fault(running, "hardware failure: ADS1115 at 0x48 on bus 1 did not answer",
                T0 + 10_300);

        assertThat(stopped.state().state()).isEqualTo(RunState.STOPPED);
        assertThat(stopped.commands()).containsExactly(new Command.SafeState("stopped by the operator"));
        assertThat(stopped.closedSteps()).singleElement().satisfies(s -> {
            assertThat(s.endReason()).isEqualTo("stopped by the operator");
            assertThat(s.durationS()).isEqualTo(10.0);
            assertThat(s.endEpochMillis()).isEqualTo(T0 + 10_300);
        });
        assertThat(stopped.closedCycles()).singleElement().satisfies(c ->
                assertThat(c.coulombicEfficiency()).as("half a cycle").isNull());
        assertThat(faulted.state().state()).isEqualTo(RunState.FAULTED);
        assertThat(faulted.state().endReason()).isEqualTo("hardware failure: ADS1115 at 0x48 on bus 1 did not answer");
        assertThat(faulted.events()).containsExactly(
                new EngineEvent.StepEnded(T0 + 10_300, 1, "hardware failure: ADS1115 at 0x48 on bus 1 did not answer"),
                new EngineEvent.RunEnded(T0 + 10_300, RunState.FAULTED,
                        "hardware failure: ADS1115 at 0x48 on bus 1 did not answer"));
        assertThat(engine.stop(stopped.state(), "again", T0 + 20_000).commands()).as("an ended run stays ended")
                .isEmpty();
    }

    @Test
    void aPersonCanStopARunWhileItWaitsForAnAnswer() {
        Engine engine = battery("Charge at 1 mA for 2 s\nAsk \"Go on?\"\nCharge at 1 mA for 2 s", 1.0, 1000);
        EngineState waiting = last(Engines.run(engine, engine.start(T0), FLAT, 10)).state();

        Decision stopped = engine.stop(waiting, "stopped by the operator", T0 + 60_000);

        assertThat(stopped.closedSteps()).as("the charge before the prompt was closed already").isEmpty();
        assertThat(stopped.closedCycles()).as("its cycle is closed now").hasSize(1);
        assertThat(stopped.state().pendingPrompt()).isNull();
        assertThat(new ArrayList<>(stopped.events())).containsExactly(
                new EngineEvent.RunEnded(T0 + 60_000, RunState.STOPPED, "stopped by the operator"));
    }
}
