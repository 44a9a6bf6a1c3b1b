package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellParameters;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.ProtocolTemplates;
import org.no3rr.protocol.Step;

/**
 * Every template runs to completion on the real simulator — the Zn–NO3⁻ battery for galvanostatic
 * templates, the H-cell for potentiostatic ones — at maximum simulation speed with 1 s readings,
 * every question answered as soon as it is asked. The toy cell of {@link TemplateRunTest} checks
 * the engine's bookkeeping; this one checks that the templates' numbers suit a plausible cell
 * (a cut-off is reached before a safety limit, a hold stays inside the potentiostat's window).
 */
class SimulatorTemplateRunTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long READING_INTERVAL_MILLIS = 1000;
    /** 1 cm², 2 mg catalyst, 40 mL catholyte, pH 7, Ag/AgCl (sat. KCl), no iR compensation. */
    private static final CellMetadata CELL = new CellMetadata(1.0, 2.0, Double.NaN, 40, 7.0, "Ag/AgCl (sat. KCl)",
            CellMetadata.AG_AGCL_SAT_KCL_V, 0);

    /** The templates the engine has programs for (the CCCV and constant-power ones wait for theirs). */
    static Stream<ProtocolTemplates.Template> templates() {
        return ProtocolTemplates.all().stream()
                .filter(t -> EngineCoverage.notYetRunnable(org.no3rr.protocol.ProtocolParser.parse(t.text())).isEmpty());
    }

    /** The decisions of one run, and how many questions were answered. */
    record Run(Decision last, List<EngineEvent> events, List<RecordedSample> samples, int answers) {
    }

    static Run run(Protocol protocol, BatteryParameters battery) throws InterruptedException {
        VirtualClock clock = VirtualClock.atMaxSpeed(T0);
        ChannelHardware hw = protocol.needsPotentialControl()
                ? Simulator.hCell("ch-h", HCellParameters.defaults(), clock, 7).hardware()
                : Simulator.battery("ch-b", battery, clock, 7).hardware();
        Engine engine = new Engine(protocol, CELL, READING_INTERVAL_MILLIS);
        List<EngineEvent> events = new ArrayList<>();
        List<RecordedSample> samples = new ArrayList<>();
        Consumer<Decision> sink = d -> {
            events.addAll(d.events());
            if (d.recorded()) {
                samples.add(d.sample());
            }
        };
        Decision d = RunLoop.runToEnd(engine, hw, clock, sink);
        int answers = 0;
        while (d.state().status() == RunStatus.WAITING_FOR_ANSWER) {
            d = RunLoop.continueFrom(engine, engine.answer(d.state(), "done", clock.millis()), hw, clock, sink);
            answers++;
        }
        return new Run(d, events, samples, answers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void runsToCompletionOnTheSimulator(ProtocolTemplates.Template template) throws InterruptedException {
        Protocol protocol = ProtocolParser.parse(template.text());

        Run run = run(protocol, BatteryParameters.defaults());

        assertThat(run.last().state().status()).as(run.last().events().toString()).isEqualTo(RunStatus.DONE);
        assertThat(run.last().state().stepNumber()).as("steps executed").isEqualTo(executedSteps(protocol.steps()));
        assertThat(run.last().state().cycle()).as("cycles").isEqualTo(cycles(protocol.steps()));
        assertThat(run.answers()).as("questions answered").isEqualTo(questions(protocol.steps()));
        assertThat(run.events()).filteredOn(e -> e instanceof EngineEvent.StepStarted).hasSize(executedSteps(
                protocol.steps()));
    }

    @ParameterizedTest(name = "{0} mA/cm2")
    @ValueSource(ints = {2, 5, 7})
    void aGalvanostaticDischargeEndsAtItsCutOff(int milliampsPerCm2) throws InterruptedException {
        Protocol protocol = ProtocolParser.parse(ProtocolTemplates.byId("discharge-" + milliampsPerCm2)
                .orElseThrow().text());

        Run run = run(protocol, BatteryParameters.defaults());

        EngineEvent.StepEnded end = (EngineEvent.StepEnded) run.events().get(run.events().size() - 2);
        assertThat(end.stepNumber()).isEqualTo(2);
        assertThat(end.reason()).startsWith("0.8 V cut-off reached at ");
        List<RecordedSample> discharge = run.samples().stream().filter(s -> s.stepNumber() == 2).toList();
        assertThat(discharge.get(discharge.size() - 1).measurement().voltage()).isLessThanOrEqualTo(0.8)
                .isGreaterThan(0.7);
        assertThat(discharge.get(discharge.size() - 2).measurement().voltage()).isGreaterThan(0.8);
        long dischargeMillis = end.epochMillis() - discharge.get(0).measurement().epochMillis();
        assertThat(dischargeMillis).as("ends at the cut-off, long before its 48 h time end")
                .isLessThan(4 * 3_600_000L);
        assertThat(discharge).allSatisfy(s -> assertThat(s.measurement().current())
                .isCloseTo(-milliampsPerCm2 * 1e-3, within(1e-5)));
    }

    /**
     * The templates that drive the default cell past its 12 mA/cm2 nitrate limit end at their own
     * stop conditions, not at the 0 V safety floor, because the cathode then evolves hydrogen and
     * the voltage stays positive: the rate steps' 20 mA/cm2 step at its 0.8 V cut-off, the
     * polarization at its 0.2 V stop.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rate-steps", "discharge-polarization"})
    void templatesPastTheNitrateLimitEndAtTheirVoltageStopsOnTheDefaultCell(String id) throws InterruptedException {
        Protocol protocol = ProtocolParser.parse(ProtocolTemplates.byId(id).orElseThrow().text());

        Run run = run(protocol, BatteryParameters.defaults());

        EngineEvent.StepEnded last = run.events().stream().filter(e -> e instanceof EngineEvent.StepEnded)
                .map(e -> (EngineEvent.StepEnded) e).reduce((a, b) -> b).orElseThrow();
        double stop = id.equals("rate-steps") ? 0.8 : 0.2;
        assertThat(last.reason()).as(run.events().toString()).startsWith(stop + " V cut-off reached at ");
        assertThat(run.samples()).allSatisfy(s -> assertThat(s.measurement().voltage()).isPositive());
    }

    /** Steps the engine starts: every step once, a Repeat's block as often as it repeats. */
    private static int executedSteps(List<Step> steps) {
        int n = 0;
        for (Step step : steps) {
            n += step instanceof Step.Repeat r ? r.times() * executedSteps(r.steps()) : 1;
        }
        return n;
    }

    private static int questions(List<Step> steps) {
        int n = 0;
        for (Step step : steps) {
            n += step instanceof Step.Repeat r ? r.times() * questions(r.steps()) : step instanceof Step.Ask ? 1 : 0;
        }
        return n;
    }

    /** Each iteration of an outermost Repeat is a cycle; a protocol without one is cycle 1. */
    private static int cycles(List<Step> steps) {
        int n = steps.stream().filter(s -> s instanceof Step.Repeat).mapToInt(s -> ((Step.Repeat) s).times()).sum();
        return Math.max(n, 1);
    }
}
