package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.no3rr.engine.EngineStepEndTest.T0;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.no3rr.cell.CellMetadata;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.ProtocolTemplates;

/** Every template runs to completion on a toy cell, with every question answered at once. */
class TemplateRunTest {

    private static final CellMetadata CELL = new CellMetadata(1.0, 2.0, 0.5, 40, 13.0, "Ag/AgCl (sat. KCl)", 0.197, 0);

    /** The templates the engine has programs for (the CCCV and constant-power ones wait for theirs). */
    static java.util.stream.Stream<ProtocolTemplates.Template> templates() {
        return ProtocolTemplates.all().stream()
                .filter(t -> EngineCoverage.notYetRunnable(org.no3rr.protocol.ProtocolParser.parse(t.text())).isEmpty());
    }

    /** Discharge falls 1 mV/s from 1.5 V, charge rises 1 mV/s from 1.9 V, polarization falls 0.5 mV/s. */
    private static Script.Reading toyCell(EngineState s, long t, Engine engine) {
        double elapsed = (t - s.stepStartMillis()) / 1000.0;
        switch (s.stepType()) {
            case "discharge":
                return new Script.Reading(1.5 - 0.001 * elapsed, Script.commandedAmps(s, engine));
            case "charge":
                return new Script.Reading(1.9 + 0.001 * elapsed, Script.commandedAmps(s, engine));
            case "polarization":
                return new Script.Reading(1.5 - 0.0005 * elapsed, 0);
            default:
                return new Script.Reading(1.2, 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void runsToCompletion(ProtocolTemplates.Template template) {
        Engine engine = new Engine(ProtocolParser.parse(template.text()), CELL, 60_000);
        Decision d = engine.start(T0);
        int readings = 0;
        while (!d.state().status().isFinal() && readings < 1_000_000) {
            if (d.state().status() == RunStatus.WAITING_FOR_ANSWER) {
                d = engine.answer(d.state(), "done", d.nextReadingAtMillis());
                continue;
            }
            long t = d.nextReadingAtMillis();
            Script.Reading r = toyCell(d.state(), t, engine);
            d = engine.next(d.state(), Script.at(t, r.volts(), r.amps()));
            readings++;
        }

        assertThat(d.state().status()).isEqualTo(RunStatus.DONE);
        assertThat(d.events()).last().isEqualTo(new EngineEvent.RunFinished(d.events().get(d.events().size() - 1)
                .epochMillis(), "protocol finished"));
        if (template.id().equals("rechargeable-cycling")) {
            assertThat(d.state().cycle()).isEqualTo(500);
            assertThat(d.state().stepNumber()).isEqualTo(1 + 4 * 500);
        }
    }
}
