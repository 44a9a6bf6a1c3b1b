package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.Measurement;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolParser;

/**
 * Seeded random protocols, readings, answers, pauses and restarts. Whatever happens, the engine is
 * pure, its state encodes exactly, it never asks for a reading before the last one, step numbers
 * have no gaps, every stored step summary equals a recomputation from its own samples, and a run
 * that ends leaves the channel in its safe state.
 */
class EngineRandomizedTest {

    private static final CellMetadata CELL = new CellMetadata(2.0, 2.0, 0.5, 40, 7.0, "Ag/AgCl (sat. KCl)", 0.197, 0);
    /** Wide enough that random readings rarely breach, with a compliance count the random walk seldom reaches. */
    private static final ChannelRatings RATINGS = new ChannelRatings(1.0, -10, 10, 1e-6,
            new ChannelRatings.Compliance(0.05, 5.0, 50));

    @Test
    void invariantsHoldForHundredsOfRandomRuns() {
        Random random = new Random(424242L);
        Map<String, Integer> seen = new TreeMap<>();
        for (int run = 0; run < 400; run++) {
            String text = RandomProtocols.protocol(random);
            Protocol protocol = ProtocolParser.parse(text);
            Engine engine = new Engine(protocol, CELL, RATINGS, CellKind.ZN_NITRATE_BATTERY, 100 + random.nextInt(5000));
            exercise(engine, random, text, seen);
        }
        assertThat(seen).as("the random runs cover every way a run can go")
                .hasEntrySatisfying("DONE", n -> assertThat(n).isGreaterThan(100))
                .hasEntrySatisfying("FAULTED", n -> assertThat(n).isGreaterThan(10))
                .hasEntrySatisfying("stopped", n -> assertThat(n).isPositive())
                .hasEntrySatisfying("answers", n -> assertThat(n).isGreaterThan(100))
                .hasEntrySatisfying("pauses", n -> assertThat(n).isGreaterThan(50))
                .hasEntrySatisfying("restarts", n -> assertThat(n).isGreaterThan(50));
    }

    private static void exercise(Engine engine, Random random, String text, Map<String, Integer> seen) {
        long now = 1_700_000_000_000L + random.nextInt(1_000_000);
        Decision d = engine.start(now);
        List<Decision> all = new ArrayList<>(List.of(d));
        double volts = 1.0 + random.nextDouble();
        for (int i = 0; i < 3000 && !d.state().state().isFinal(); i++) {
            EngineState state = d.state();
            assertThat(EngineState.decode(state.encode())).as(text).isEqualTo(state);
            if (state.state() == RunState.WAITING_FOR_ANSWER) {
                now += random.nextInt(600_000);
                d = engine.answer(state, "answer " + i, now);
                seen.merge("answers", 1, Integer::sum);
            } else if (state.state() == RunState.PAUSED) {
                now += random.nextInt(600_000);
                d = engine.resume(state, "resumed", now);
            } else if (random.nextInt(150) == 0) {
                now += random.nextInt(1000);
                d = engine.pause(state, "paused", now);
                seen.merge("pauses", 1, Integer::sum);
            } else if (random.nextInt(150) == 0) {
                now += random.nextInt(60_000);
                d = engine.restart(EngineState.decode(state.encode()), now);
                seen.merge("restarts", 1, Integer::sum);
            } else {
                long requested = d.nextReadingAtMillis();
                assertThat(requested).as(text).isGreaterThanOrEqualTo(now);
                now = requested + (random.nextInt(10) == 0 ? random.nextInt(50) : 0);
                volts += (random.nextDouble() - 0.55) * 0.05;
                double amps = (random.nextDouble() - 0.5) * 0.02;
                Measurement m = new Measurement(now, random.nextInt(1000) == 0 ? Double.NaN : volts, amps,
                        Double.NaN, Double.NaN);
                Decision next = engine.next(state, m);
                assertThat(engine.next(state, m)).as(text).isEqualTo(next);
                if (next.recorded()) {
                    assertThat(next.sample().measurement()).isEqualTo(m);
                    assertThat(next.sample().stepNumber()).isEqualTo(state.stepNumber());
                }
                d = next;
            }
            all.add(d);
        }
        seen.merge(d.state().state().name(), 1, Integer::sum);
        if (d.state().state() == RunState.DONE && d.state().endReason().startsWith("stopped:")) {
            seen.merge("stopped", 1, Integer::sum);
        }
        if (d.state().state().isFinal()) {
            List<Command> commands = d.commands();
            assertThat(commands.get(commands.size() - 1)).as(text).isInstanceOf(Command.SafeState.class);
            checkSummaries(all, text);
        }
    }

    private static void checkSummaries(List<Decision> all, String text) {
        List<StepSummary> steps = all.stream().flatMap(x -> x.closedSteps().stream()).toList();
        Map<Integer, StepTotals> recomputed = StepRecomputation.totalsByStep(
                all.stream().filter(Decision::recorded).map(Decision::sample).toList());
        for (int i = 0; i < steps.size(); i++) {
            StepSummary step = steps.get(i);
            assertThat(step.stepNumber()).as(text).isEqualTo(i + 1);
            assertThat(step.totals()).as(text).isEqualTo(recomputed.getOrDefault(step.stepNumber(), StepTotals.EMPTY));
        }
        assertThat(all.stream().flatMap(x -> x.closedCycles().stream()).toList()).as(text)
                .isEqualTo(StepRecomputation.cyclesOf(steps, true));
    }
}
