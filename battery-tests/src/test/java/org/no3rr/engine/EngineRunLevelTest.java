package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.no3rr.engine.EngineStepEndTest.T0;
import static org.no3rr.engine.EngineStepEndTest.engine;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Run-level stops and recording rules. */
class EngineRunLevelTest {

    /** Discharge lasts 10 s in cycle 1, 9 s in cycle 2, then 7 s: the cut-off is reached by time in the cycle. */
    private static Script.Reading fadingCell(EngineState s, long t, Engine engine) {
        long elapsed = t - s.stepStartMillis();
        long lasts = s.cycle() == 1 ? 10_000 : s.cycle() == 2 ? 9_000 : 7_000;
        double volts = s.stepType().equals("discharge") && elapsed >= lasts ? 0.7 : 1.0;
        return new Script.Reading(volts, Script.commandedAmps(s, engine));
    }

    @Test
    void stopsWhenACompletedCyclesCapacityFallsBelowTheFractionOfCycleOne() {
        Engine engine = engine(String.join("\n",
                "Stop when discharge capacity < 80 % of cycle 1",
                "Repeat 10 times:",
                "  Discharge at 1 A until 0.8 V",
                "  Charge at 1 A for 1 s"), 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), (s, t) -> fadingCell(s, t, engine), 1000);

        Decision last = ds.get(ds.size() - 1);
        String reason = "stopped: cycle 3's discharge capacity 1.944 mAh is below 80 % of cycle 1's 2.778 mAh "
                + "(Stop when discharge capacity < 80 % of cycle 1, line 1)";
        long stoppedAt = T0 + (10 + 1 + 9 + 1 + 7 + 1) * 1000;
        assertThat(last.commands()).containsExactly(new Command.SafeState(reason));
        assertThat(last.events()).containsExactly(new EngineEvent.StepEnded(stoppedAt, 6, "1 s elapsed"),
                new EngineEvent.RunFinished(stoppedAt, reason));
        assertThat(last.state().status()).isEqualTo(RunStatus.DONE);
        assertThat(last.state().cycle()).isEqualTo(3);
        assertThat(last.state().referenceCycles()).containsExactly(new CycleCapacity(1, 10.0, 1.0));
    }

    @Test
    void anAbsoluteCapacityStop() {
        Engine engine = engine(String.join("\n",
                "Stop when discharge capacity < 2.6 mAh",
                "Repeat 10 times:",
                "  Discharge at 1 A until 0.8 V",
                "  Charge at 1 A for 1 s"), 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), (s, t) -> fadingCell(s, t, engine), 1000);

        Decision last = ds.get(ds.size() - 1);
        assertThat(last.state().cycle()).isEqualTo(2);
        assertThat(last.events()).last().isEqualTo(new EngineEvent.RunFinished(T0 + 21_000,
                "stopped: cycle 2's discharge capacity 2.5 mAh is below 2.6 mAh "
                        + "(Stop when discharge capacity < 2.6 mAh, line 1)"));
    }

    @Test
    void aProtocolWideTimeRuleKeepsTheFirstTheLastAndOneSampleEveryFiveSeconds() {
        Engine engine = engine("Record every 5 s\nRest for 12 s", 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), Script.constantVoltage(1.3, engine), 100);

        assertThat(ds).filteredOn(Decision::recorded).extracting(d -> d.sample().measurement().epochMillis() - T0)
                .containsExactly(1000L, 6000L, 11_000L, 12_000L);
    }

    @Test
    void aStepsOwnVoltageRuleOverridesTheProtocolRule() {
        Engine engine = engine("Record every 1 h\nRest for 8 s, record every 5 mV", 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0),
                (s, t) -> new Script.Reading(1.0 + 0.003 * ((t - T0) / 1000), 0), 100);

        assertThat(ds).filteredOn(Decision::recorded).extracting(d -> d.sample().measurement().epochMillis() - T0)
                .containsExactly(1000L, 3000L, 5000L, 7000L, 8000L);
    }

    @Test
    void aCurrentRule() {
        Engine engine = engine("Record every 0.1 mA\nRest for 6 s", 1.0, 1000);
        double[] amps = {0, 0.00005, 0.00012, 0.00015, 0.0003, 0.0003};

        List<Decision> ds = Script.run(engine, engine.start(T0),
                (s, t) -> new Script.Reading(1.0, amps[(int) ((t - T0) / 1000) - 1]), 100);

        assertThat(ds).filteredOn(Decision::recorded).extracting(d -> d.sample().measurement().epochMillis() - T0)
                .containsExactly(1000L, 3000L, 5000L, 6000L);
    }
}
