package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.Measurement;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolParser;

/**
 * Seeded random protocols, readings, answers and restarts. Whatever happens, the engine is pure,
 * its state encodes exactly, it asks for readings strictly later than the last one, and a run that
 * ends leaves the channel in its safe state.
 */
class EngineRandomizedTest {

    private static final CellMetadata CELL = new CellMetadata(2.0, 2.0, 0.5, 40, 7.0, "Ag/AgCl (sat. KCl)", 0.197, 0);

    @Test
    void invariantsHoldForThousandsOfRandomRuns() {
        Random random = new Random(424242L);
        Map<String, Integer> seen = new TreeMap<>();
        for (int run = 0; run < 400; run++) {
            String text = RandomProtocols.protocol(random);
            Protocol protocol = ProtocolParser.parse(text);
            Engine engine = new Engine(protocol, CELL, 100 + random.nextInt(5000));
            exercise(engine, random, text, seen);
        }
        assertThat(seen).as("the random runs cover every way a run can go")
                .hasEntrySatisfying("DONE", n -> assertThat(n).isGreaterThan(100))
                .hasEntrySatisfying("FAULTED", n -> assertThat(n).isGreaterThan(10))
                .hasEntrySatisfying("stopped", n -> assertThat(n).isPositive())
                .hasEntrySatisfying("answers", n -> assertThat(n).isGreaterThan(100))
                .hasEntrySatisfying("resumes", n -> assertThat(n).isGreaterThan(50));
    }

    private static void exercise(Engine engine, Random random, String text, Map<String, Integer> seen) {
        long now = 1_700_000_000_000L + random.nextInt(1_000_000);
        Decision d = engine.start(now);
        double volts = 1.0 + random.nextDouble();
        for (int i = 0; i < 3000 && !d.state().status().isFinal(); i++) {
            EngineState state = d.state();
            assertThat(EngineState.decode(state.encode())).as(text).isEqualTo(state);
            if (state.status() == RunStatus.WAITING_FOR_ANSWER) {
                now += random.nextInt(600_000);
                d = engine.answer(state, "answer " + i, now);
                seen.merge("answers", 1, Integer::sum);
                continue;
            }
            if (random.nextInt(200) == 0) {
                now += random.nextInt(60_000);
                d = engine.resume(EngineState.decode(state.encode()), now);
                seen.merge("resumes", 1, Integer::sum);
                continue;
            }
            long requested = d.nextReadingAtMillis();
            assertThat(requested).as(text).isGreaterThan(now);
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
        seen.merge(d.state().status().name(), 1, Integer::sum);
        if (d.events().stream().anyMatch(e -> e instanceof EngineEvent.RunFinished
                && ((EngineEvent.RunFinished) e).reason().startsWith("stopped:"))) {
            seen.merge("stopped", 1, Integer::sum);
        }
        if (d.state().status().isFinal()) {
            List<Command> commands = d.commands();
            assertThat(commands).as(text).isNotEmpty();
            assertThat(commands.get(commands.size() - 1)).as(text).isInstanceOf(Command.SafeState.class);
        }
    }
}
