package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.no3rr.engine.Engines.T0;
import static org.no3rr.engine.Engines.at;
import static org.no3rr.engine.Engines.battery;
import static org.no3rr.engine.Engines.last;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.protocol.StepKind;

/** Run-level stops, which see the very cycle summaries the run stores, and recording rules. */
class EngineRunLevelTest {

    /** The 0.8 V cut-off comes after 10 s of discharge in cycle 1, 9 s in cycle 2, then 7 s. */
    private static final Engines.Voltage FADING = (s, t, amps) -> {
        long lasts = s.cycle() == 1 ? 10_000 : s.cycle() == 2 ? 9_000 : 7_000;
        return s.stepKind() == StepKind.DISCHARGE && t - s.stepStartMillis() >= lasts ? 0.7 : 1.0;
    };

    private static final String CYCLING = "Repeat 10 times:\n  Discharge at 10 mA until 0.8 V\n"
            + "  Charge at 10 mA for 1 s";

    @Test
    void stopsWhenACompletedCyclesCapacityFallsBelowTheFractionOfCycleOne() {
        Engine engine = battery("Stop when discharge capacity < 80 % of cycle 1\n" + CYCLING, 1.0, 1000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), FADING, 1000);

        Decision end = last(ds);
        String reason = "stopped: cycle 3's discharge capacity 0.01944 mAh is below 80 % of cycle 1's 0.02778 mAh "
                + "(Stop when discharge capacity < 80 % of cycle 1, line 1)";
        long stoppedAt = T0 + (10 + 1 + 9 + 1 + 7 + 1) * 1000;
        assertThat(end.commands()).containsExactly(new Command.SafeState(reason));
        assertThat(end.events()).containsExactly(new EngineEvent.StepEnded(stoppedAt, 6, "1 s elapsed"),
                new EngineEvent.RunEnded(stoppedAt, RunState.DONE, reason));
        assertThat(end.state().state()).isEqualTo(RunState.DONE);
        assertThat(end.state().cycle()).isEqualTo(3);
        assertThat(end.state().referenceCycles()).singleElement().satisfies(c -> {
            assertThat(c.cycle()).isEqualTo(1);
            assertThat(c.dischargeCoulombs()).isCloseTo(0.1, within(1e-15));
            assertThat(c.chargeCoulombs()).isCloseTo(0.01, within(1e-15));
        });
        assertThat(end.closedCycles()).as("the cycle the condition saw is the one stored")
                .singleElement().satisfies(c -> assertThat(c.dischargeHalf().coulombs()).isCloseTo(0.07, within(1e-15)));
    }

    @Test
    void anAbsoluteCapacityStop() {
        Engine engine = battery("Stop when discharge capacity < 0.026 mAh\n" + CYCLING, 1.0, 1000);

        Decision end = last(Engines.run(engine, engine.start(T0), FADING, 1000));

        assertThat(end.state().cycle()).isEqualTo(2);
        assertThat(end.events()).last().isEqualTo(new EngineEvent.RunEnded(T0 + 21_000, RunState.DONE,
                "stopped: cycle 2's discharge capacity 0.025 mAh is below 0.026 mAh "
                        + "(Stop when discharge capacity < 0.026 mAh, line 1)"));
    }

    @Test
    void aProtocolWideTimeRuleKeepsTheFirstTheLastAndOneSampleEveryFiveSecondsOfStepTime() {
        Engine engine = battery("Record every 5 s\nRest for 12 s", 1.0, 1000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), (s, t, amps) -> 1.3, 100);

        assertThat(ds).filteredOn(Decision::recorded).extracting(d -> d.sample().stepTimeMillis())
                .containsExactly(0L, 5000L, 10_000L, 12_000L);
        assertThat(last(ds).closedSteps().get(0).totals().sampleCount()).isEqualTo(4);
    }

    @Test
    void aStepsOwnVoltageRuleOverridesTheProtocolRule() {
        Engine engine = battery("Record every 1 h\nRest for 8 s, record every 5 mV", 1.0, 1000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), (s, t, amps) -> 1.0 + 0.003 * ((t - T0) / 1000), 100);

        assertThat(ds).filteredOn(Decision::recorded).extracting(d -> d.sample().stepTimeMillis())
                .containsExactly(0L, 2000L, 4000L, 6000L, 8000L);
    }

    @Test
    void aCurrentRule() {
        Engine engine = battery("Record every 0.1 mA\nRest for 6 s", 1.0, 1000);
        double[] amps = {0, 0.00005, 0.00012, 0.00015, 0.0003, 0.0003, 0};

        List<Decision> ds = Engines.runWith(engine, engine.start(T0),
                (s, t, setpoint) -> at(t, 1.0, amps[(int) ((t - T0) / 1000)]), 100);

        assertThat(ds).filteredOn(Decision::recorded).extracting(d -> d.sample().stepTimeMillis())
                .containsExactly(0L, 2000L, 4000L, 6000L);
    }
}
