package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.no3rr.engine.EngineStepEndTest.T0;
import static org.no3rr.engine.EngineStepEndTest.engine;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Step numbers, step indexes and cycle numbers through nested Repeat blocks. */
class EngineCycleTest {

    private static List<EngineEvent.StepStarted> stepsStarted(List<Decision> decisions) {
        return decisions.stream().flatMap(d -> d.events().stream())
                .filter(EngineEvent.StepStarted.class::isInstance).map(EngineEvent.StepStarted.class::cast).toList();
    }

    @Test
    void nestedRepeatsCountCyclesByTheOutermostBlockOnly() {
        Engine engine = engine(String.join("\n",
                "Rest for 1 s",
                "Repeat 2 times:",
                "  Discharge at 1 mA for 1 s",
                "  Repeat 2 times:",
                "    Charge at 1 mA for 1 s",
                "Rest for 1 s"), 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), Script.constantVoltage(1.5, engine), 100);

        assertThat(stepsStarted(ds)).extracting(e -> e.stepNumber(), e -> e.stepIndex(), e -> e.cycle())
                .containsExactly(
                        tuple(1, 1, 1), tuple(2, 3, 1), tuple(3, 5, 1), tuple(4, 5, 1),
                        tuple(5, 3, 2), tuple(6, 5, 2), tuple(7, 5, 2), tuple(8, 6, 2));
        assertThat(ds).extracting(Decision::sample).filteredOn(s -> s != null)
                .extracting(s -> s.stepIndex(), s -> s.cycle(), s -> s.stepType())
                .containsExactly(tuple(1, 1, "rest"), tuple(3, 1, "discharge"), tuple(5, 1, "charge"),
                        tuple(5, 1, "charge"), tuple(3, 2, "discharge"), tuple(5, 2, "charge"),
                        tuple(5, 2, "charge"), tuple(6, 2, "rest"));
        Decision last = ds.get(ds.size() - 1);
        assertThat(last.state().status()).isEqualTo(RunStatus.DONE);
        assertThat(last.state().stepNumber()).isEqualTo(8);
        assertThat(last.state().cycle()).isEqualTo(2);
    }

    @Test
    void consecutiveOuterRepeatsKeepCounting() {
        Engine engine = engine(String.join("\n",
                "Repeat 2 times:",
                "  Rest for 1 s",
                "Repeat 3 times:",
                "  Rest for 2 s"), 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), Script.constantVoltage(1.5, engine), 100);

        assertThat(stepsStarted(ds)).extracting(e -> e.stepIndex(), e -> e.cycle())
                .containsExactly(tuple(2, 1), tuple(2, 2), tuple(4, 3), tuple(4, 4), tuple(4, 5));
    }

    @Test
    void withoutRepeatsEverythingIsCycleOne() {
        Engine engine = engine("Rest for 1 s\nDischarge at 1 mA for 1 s\nCharge at 1 mA for 1 s", 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0), Script.constantVoltage(1.5, engine), 100);

        assertThat(stepsStarted(ds)).extracting(e -> e.cycle()).containsExactly(1, 1, 1);
    }

    @Test
    void aRepeatAtTheVeryStartBeginsInCycleOne() {
        Engine engine = engine("Repeat 2 times:\n  Repeat 2 times:\n    Rest for 1 s", 1.0, 1000);

        Decision start = engine.start(T0);

        assertThat(start.events()).containsExactly(new EngineEvent.StepStarted(T0, 1, 3, 1, "Rest for 1 s"));
        List<Decision> ds = Script.run(engine, start, Script.constantVoltage(1.5, engine), 100);
        assertThat(stepsStarted(ds)).extracting(e -> e.cycle()).containsExactly(1, 1, 2, 2);
    }

    @Test
    void cycleCapacitiesResetWhenACycleBegins() {
        Engine engine = engine("Repeat 2 times:\n  Discharge at 1 A for 2 s\n  Charge at 1 A for 1 s\n  Rest for 1 s", 1.0, 1000);

        List<Decision> ds = Script.run(engine, engine.start(T0),
                (s, t) -> new Script.Reading(1.5, Script.commandedAmps(s, engine)), 100);

        EngineState endOfCycle1 = ds.get(3).state();
        assertThat(endOfCycle1.cycle()).isEqualTo(1);
        assertThat(endOfCycle1.cycleDischargeCoulombs()).isEqualTo(2.0);
        assertThat(endOfCycle1.cycleChargeCoulombs()).isEqualTo(1.0);
        EngineState startOfCycle2 = ds.get(4).state();
        assertThat(startOfCycle2.cycle()).isEqualTo(2);
        assertThat(startOfCycle2.cycleDischargeCoulombs()).isZero();
        assertThat(startOfCycle2.cycleChargeCoulombs()).isZero();
        assertThat(startOfCycle2.totalChargeCoulombs()).isEqualTo(-1.0);
    }
}
