package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.hal.sim.hcell.HCellParameters;
import org.no3rr.metrics.PhysicalConstants;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.ProtocolTemplates;
import org.no3rr.protocol.StepKind;

/**
 * Every template runs to completion on the real simulator through the one run loop, with every
 * question answered ten minutes after it is asked (the clock runs meanwhile) and the operator
 * pausing the run for seven minutes early on. Whatever the waits, every step's stored summary equals
 * a recomputation from its own stored samples, every cycle equals the sum of its steps, and a timed
 * step lasts exactly its time.
 */
class SimulatorTemplateRunTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long TEN_MINUTES = 600_000;
    private static final CellMetadata CELL = Engines.H_CELL_METADATA;

    static Stream<ProtocolTemplates.Template> templates() {
        return ProtocolTemplates.all().stream();
    }

    private static Rehearsal rehearse(Protocol protocol, SimulatedChannel<?> channel, VirtualClock clock,
                                      List<Rehearsal.PlannedPause> pauses) throws InterruptedException {
        Rehearsal rehearsal = new Rehearsal(clock, TEN_MINUTES, pauses);
        Engine engine = new Engine(protocol, CELL, channel.ratings(), channel.hardware().cellKind(), 1000);
        assertThat(rehearsal.run(engine, channel.hardware())).isEqualTo(RunDriver.Outcome.ENDED);
        return rehearsal;
    }

    private static SimulatedChannel<?> channelFor(Protocol protocol, VirtualClock clock) {
        return protocol.needsPotentialControl()
                ? Simulator.hCell("ch-h", HCellParameters.defaults(), clock, 7)
                : Simulator.battery("ch-b", BatteryParameters.defaults(), clock, 7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplatesStoredNumbersEqualARecomputationFromItsSamples(ProtocolTemplates.Template template)
            throws InterruptedException {
        Protocol protocol = ProtocolParser.parse(template.text());
        VirtualClock clock = VirtualClock.atMaxSpeed(T0);
        SimulatedChannel<?> channel = channelFor(protocol, clock);

        Rehearsal run = rehearse(protocol, channel, clock, List.of(new Rehearsal.PlannedPause(T0 + 10_000, 420_000)));

        if (template.id().equals("cv-activation")) {
            // Seed 004's activation down to -1.15 V vs RHE draws more than the simulated channel's ±500 mA at
            // pH 7: the rating, checked on every reading, ends the rehearsal instead of a silently clipped current.
            assertThat(run.state().state()).isEqualTo(RunState.FAULTED);
            assertThat(run.state().endReason()).contains("reached the channel's rating of ±500.0000 mA");
            assertThat(run.samples().stream().filter(s -> Math.abs(s.measurement().current()) >= 0.4999))
                    .as("no more than one sample at the rating").hasSize(1);
        } else {
            assertThat(run.state().state()).as(run.state().endReason()).isEqualTo(RunState.DONE);
        }
        assertThat(run.events).as("the operator's pause happened").anyMatch(EngineEvent.Paused.class::isInstance);
        List<StepSummary> steps = run.steps();
        assertThat(steps).extracting(StepSummary::stepNumber)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, steps.size()).boxed().toList());
        Map<Integer, StepTotals> recomputed = StepRecomputation.totalsByStep(run.samples());
        assertThat(steps).allSatisfy(step ->
                assertThat(step.totals()).as("step %d", step.stepNumber()).isEqualTo(recomputed.get(step.stepNumber())));
        boolean battery = channel.hardware().cellKind() == CellKind.ZN_NITRATE_BATTERY;
        assertThat(run.cycles()).isEqualTo(StepRecomputation.cyclesOf(steps, battery));
        assertThat(steps).filteredOn(s -> s.endReason().endsWith(" elapsed")).allSatisfy(s ->
                assertThat(s.endReason()).isEqualTo(StepEndWords.elapsed(s.durationS())));
    }

    @Test
    void eachHoldOfTheChronoamperometrySeriesCarriesExactlyItsOwnChargeWhateverTheOperatorsWait()
            throws InterruptedException {
        Protocol protocol = ProtocolParser.parse(ProtocolTemplates.byId("chronoamperometry-series")
                .orElseThrow().text());
        VirtualClock clock = VirtualClock.atMaxSpeed(T0);
        SimulatedChannel<HCellModel> channel = Simulator.hCell("ch3", HCellParameters.defaults(), clock, 11);
        List<double[]> truthAtStepEnds = new ArrayList<>();
        List<double[]> truthAtStepStarts = new ArrayList<>();
        Rehearsal rehearsal = Rehearsal.answeringAfter(clock, TEN_MINUTES);
        rehearsal.observer = d -> {
            if (!d.closedSteps().isEmpty()) {
                truthAtStepEnds.add(truth(channel));
            }
            if (d.events().stream().anyMatch(EngineEvent.StepStarted.class::isInstance)) {
                truthAtStepStarts.add(truth(channel));
            }
        };
        Engine engine = new Engine(protocol, CELL, channel.ratings(), CellKind.H_CELL_ELECTROLYSIS, 1000);

        rehearsal.run(engine, channel.hardware());

        List<StepSummary> holds = rehearsal.steps();
        assertThat(holds).hasSize(5).allSatisfy(h -> {
            assertThat(h.kind()).isEqualTo(StepKind.HOLD);
            assertThat(h.durationS()).isEqualTo(3600.0);
        });
        for (int i = 0; i < holds.size(); i++) {
            double trueCoulombs = truthAtStepEnds.get(i)[0] - truthAtStepStarts.get(i)[0];
            assertThat(holds.get(i).reducingChargeCoulombs()).as("hold %d against the simulator's truth", i + 1)
                    .isCloseTo(trueCoulombs, within(trueCoulombs * 0.001));
        }
        StepSummary second = holds.get(1);
        double ammoniaMol = truthAtStepEnds.get(1)[1] - truthAtStepStarts.get(1)[1];
        double trueCharge = truthAtStepEnds.get(1)[0] - truthAtStepStarts.get(1)[0];
        double fe = 8 * PhysicalConstants.FARADAY_C_PER_MOL * ammoniaMol / second.reducingChargeCoulombs();
        double trueFe = 8 * PhysicalConstants.FARADAY_C_PER_MOL * ammoniaMol / trueCharge;
        assertThat(fe).isCloseTo(trueFe, within(trueFe * 0.01)).isGreaterThan(0.5);
    }

    private static double[] truth(SimulatedChannel<HCellModel> channel) {
        return new double[] {channel.model().cathodicCoulombs(), channel.model().ammoniaMoles()};
    }

    @ParameterizedTest(name = "{0} mA/cm2")
    @ValueSource(ints = {2, 5, 7})
    void aGalvanostaticDischargeEndsAtItsCutOff(int milliampsPerCm2) throws InterruptedException {
        Protocol protocol = ProtocolParser.parse(ProtocolTemplates.byId("discharge-" + milliampsPerCm2)
                .orElseThrow().text());
        VirtualClock clock = VirtualClock.atMaxSpeed(T0);

        Rehearsal run = rehearse(protocol, channelFor(protocol, clock), clock, List.of());

        StepSummary discharge = run.steps().get(1);
        assertThat(discharge.endReason()).startsWith("0.8 V cut-off reached at ");
        List<RecordedSample> samples = run.samples().stream().filter(s -> s.stepNumber() == 2).toList();
        assertThat(samples.get(samples.size() - 1).measurement().voltage()).isLessThanOrEqualTo(0.8)
                .isGreaterThan(0.7);
        assertThat(discharge.durationS()).as("ends at the cut-off, long before its 48 h").isLessThan(4 * 3600);
        assertThat(discharge.totals().dischargeCoulombs()).as("constant current × step time")
                .isCloseTo(milliampsPerCm2 * 1e-3 * discharge.durationS(), within(milliampsPerCm2 * 1e-3 * 0.5));
    }

    /** How the engine words a time end, e.g. "10 min elapsed". */
    private static final class StepEndWords {
        static String elapsed(double seconds) {
            long millis = Math.round(seconds * 1000);
            if (millis % 3_600_000 == 0) {
                return millis / 3_600_000 + " h elapsed";
            }
            if (millis % 60_000 == 0) {
                return millis / 60_000 + " min elapsed";
            }
            return (millis / 1000.0 == Math.rint(millis / 1000.0) ? String.valueOf(millis / 1000) : String.valueOf(
                    millis / 1000.0)) + " s elapsed";
        }
    }
}
