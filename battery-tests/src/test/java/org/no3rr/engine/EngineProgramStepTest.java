package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.no3rr.engine.Engines.T0;
import static org.no3rr.engine.Engines.battery;
import static org.no3rr.engine.Engines.last;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.StepKind;

/** Potentiostatic holds, polarization staircases, linear sweeps and cyclic voltammetry. */
class EngineProgramStepTest {

    private static final Engines.Voltage ONE_VOLT = (s, t, amps) -> 1.0;

    private static CellMetadata hCellAtPh13(double slope) {
        return new CellMetadata(1.0, 2.0, Double.NaN, 40, 13.0, "Ag/AgCl (sat. KCl)", 0.197, 0)
                .withRheSlopeVPerPh(slope);
    }

    private static Engine hCell(String protocol, CellMetadata cell, long intervalMillis) {
        return new Engine(ProtocolParser.parse(protocol), cell, Engines.H_CELL, CellKind.H_CELL_ELECTROLYSIS,
                intervalMillis);
    }

    private static List<Command> commands(List<Decision> ds) {
        return ds.stream().flatMap(d -> d.commands().stream()).toList();
    }

    private static List<Double> heldPotentials(List<Decision> ds) {
        return commands(ds).stream().filter(Command.HoldPotential.class::isInstance)
                .map(c -> ((Command.HoldPotential) c).voltsVsReference()).toList();
    }

    @Test
    void aHoldVsRheIsConvertedWithTheRunsOwnOffsetPhAndSlope() {
        String text = "Hold at -0.1 V vs RHE for 1 h\nHold at -0.4 V vs Ag/AgCl for 30 min";
        Engine engine = hCell(text, hCellAtPh13(0.0592), 600_000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), ONE_VOLT, 1000);

        assertThat(commands(ds)).containsExactly(
                new Command.HoldPotential(-0.1 - 0.197 - 0.0592 * 13.0),
                new Command.HoldPotential(-0.4),
                new Command.SafeState("protocol completed"));
        assertThat(ds).filteredOn(Decision::recorded).extracting(d -> d.sample().stepKind())
                .hasSize(11).containsOnly(StepKind.HOLD);
        assertThat(ds.get(7).events()).first().isEqualTo(new EngineEvent.StepEnded(T0 + 3_600_000, 1, "1 h elapsed"));
        assertThat(heldPotentials(Engines.run(hCell(text, hCellAtPh13(0.059), 600_000),
                hCell(text, hCellAtPh13(0.059), 600_000).start(T0), ONE_VOLT, 1)).get(0))
                .as("a paper's 0.059 V/pH is reproduced").isEqualTo(-0.1 - 0.197 - 0.059 * 13.0);
    }

    @Test
    void rhePotentialsWithoutAPhAreRefusedBeforeTheRun() {
        assertThatThrownBy(() -> hCell("Hold at -0.1 V vs RHE for 1 h", CellMetadata.ofArea(1.0), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1").hasMessageContaining("pH");
    }

    @Test
    void polarizationStepsTheDischargeCurrentAtEachLevelBoundary() {
        Engine engine = battery("Polarize from 0 to 2 mA in steps of 1 mA, 3 s each", 1.0, 2000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), (s, t, amps) -> 1.2, 100);

        assertThat(ds).extracting(d -> d.nextReadingAtMillis() - T0)
                .containsExactly(0L, 2000L, 3000L, 3000L, 5000L, 6000L, 6000L, 8000L, 9000L, 11_000L);
        assertThat(ds).extracting(Decision::commands).containsExactly(
                List.of(new Command.ApplyCurrent(0.0)), List.of(), List.of(),
                List.of(new Command.ApplyCurrent(-0.001)), List.of(), List.of(),
                List.of(new Command.ApplyCurrent(-0.002)), List.of(), List.of(),
                List.of(new Command.SafeState("protocol completed")));
        assertThat(ds.get(9).events()).first().isEqualTo(new EngineEvent.StepEnded(T0 + 9000, 1,
                "polarization complete"));
        assertThat(ds.get(1).sample().stepKind()).isEqualTo(StepKind.POLARIZATION);
        assertThat(last(ds).closedSteps().get(0).totals().dischargeCoulombs())
                .as("0 mA for 3 s, 1 mA for 3 s, 2 mA for 3 s: each level is read as it begins, so no jump is smeared")
                .isCloseTo(0.009, within(1e-15));
    }

    @Test
    void polarizationEndsAtItsVoltageCutOff() {
        Engine engine = battery("Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 60 s each, until 0.2 V", 1.0,
                1000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), (s, t, amps) -> 1.5 - 0.01 * ((t - T0) / 1000),
                10_000);

        Decision end = last(ds);
        assertThat(end.sample().measurement().voltage()).isLessThanOrEqualTo(0.2);
        assertThat(end.sample().stepTimeMillis()).isEqualTo(130_000);
        assertThat(commands(ds)).filteredOn(Command.ApplyCurrent.class::isInstance).hasSize(3);
    }

    @Test
    void aLinearSweepIsAStaircaseOfOneMillivoltStairs() {
        Engine engine = battery("Sweep from 0 V to 3 mV vs Ag/AgCl at 1 mV/s", 1.0, 5000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), ONE_VOLT, 100);

        assertThat(ds).extracting(d -> d.nextReadingAtMillis() - T0)
                .containsExactly(0L, 1000L, 2000L, 3000L, 4000L, 9000L);
        assertThat(heldPotentials(ds)).hasSize(4).satisfies(v -> {
            assertThat(v.get(0)).isEqualTo(0.0);
            assertThat(v.get(1)).isCloseTo(0.001, within(1e-15));
            assertThat(v.get(2)).isCloseTo(0.002, within(1e-15));
            assertThat(v.get(3)).isCloseTo(0.003, within(1e-15));
        });
        assertThat(ds.get(5).events()).first().isEqualTo(new EngineEvent.StepEnded(T0 + 4000, 1, "sweep complete"));
    }

    @Test
    void cyclicVoltammetryGoesThereAndBackEachCycle() {
        Engine engine = battery("Cycle between 0 and 2 mV vs Ag/AgCl at 1 mV/s, 2 times", 1.0, 1000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), ONE_VOLT, 100);

        assertThat(heldPotentials(ds)).hasSize(9).satisfies(v -> {
            double[] expectedMillivolts = {0, 1, 2, 1, 0, 1, 2, 1, 0};
            for (int i = 0; i < expectedMillivolts.length; i++) {
                assertThat(v.get(i) * 1000).isCloseTo(expectedMillivolts[i], within(1e-9));
            }
        });
        assertThat(last(ds).events()).first()
                .isEqualTo(new EngineEvent.StepEnded(T0 + 9000, 1, "cyclic voltammetry complete"));
    }

    @Test
    void aFastSweepUsesOneMillisecondStairs() {
        Engine engine = battery("Sweep from 0 V to 10 mV vs Ag/AgCl at 5 V/s", 1.0, 1000);

        List<Decision> ds = Engines.run(engine, engine.start(T0), ONE_VOLT, 100);

        assertThat(heldPotentials(ds)).hasSize(3);
        assertThat(heldPotentials(ds).get(2)).isCloseTo(0.01, within(1e-15));
        assertThat(last(ds).sample().measurement().epochMillis()).isEqualTo(T0 + 3);
    }
}
