package org.no3rr.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.ChannelRatings;

class ProtocolWriterTest {

    static java.util.stream.Stream<ProtocolTemplates.Template> templates() {
        return ProtocolTemplates.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateParsesAndRoundTripsTextToModelToTextUnchanged(ProtocolTemplates.Template template) {
        Protocol parsed = ProtocolParser.parse(template.text());

        assertThat(ProtocolWriter.write(parsed)).isEqualTo(template.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateFitsATypicalChannel(ProtocolTemplates.Template template) {
        CellMetadata cell = new CellMetadata(1.0, 2.0, 0.5, 40, 13.0, "Ag/AgCl (sat. KCl)", 0.197, 0);

        assertThat(ProtocolParser.parse(template.text()).checkAgainst(new ChannelRatings(0.1, -3.0, 3.0), cell))
                .isEmpty();
    }

    @Test
    void templatesHaveDistinctIdsAndCanBeFound() {
        assertThat(ProtocolTemplates.all()).extracting(ProtocolTemplates.Template::id).doesNotHaveDuplicates()
                .contains("open-circuit-rest", "discharge-2", "discharge-5", "discharge-7", "rate-steps",
                        "discharge-polarization", "rechargeable-cycling", "chronoamperometry-series",
                        "chronoamperometry-recycling", "lsv", "cdl-cv", "cv-activation");
        assertThat(ProtocolTemplates.byId("lsv")).map(ProtocolTemplates.Template::text)
                .contains("Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s\n");
        assertThat(ProtocolTemplates.byId("nope")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "rest for 90 sec\ndischarge AT 0.5 A until 800 mV OR 1.5 h, record every 0.5 s or 2 mV",
            "Charge at 250 µA for 2 hours or until 2400 mV or 0.75 mAh",
            "Hold at -400 mV vs ref for 30 minutes or until 36 C",
            "Limits: -50 to 50 mA/cm2, 0.0 V to 2.60 V\nRecord every 10 mA\nStop when charge capacity below 1 mAh\n"
                    + "Polarise from 0 to 3 mA in steps of 0.25 mA, 1 min each\nSweep from 200 mV to -0.6 V vs. RHE at 0.01 V/s",
            "Repeat 2 times:\n\tRepeat 3 times:\n\t\tCycle between 0.1 and 0.3 V vs Ag/AgCl at 20 mV/s, 1 time\n"
                    + "\tAsk \"say \"hi\" please\"\nStop when discharge capacity < 75.5 % of cycle 2",
    })
    void writingGivesAnEqualModelInCanonicalForm(String text) {
        Protocol parsed = ProtocolParser.parse(text);
        String written = ProtocolWriter.write(parsed);
        Protocol reparsed = ProtocolParser.parse(written);

        assertThat(ProtocolWriter.write(reparsed)).isEqualTo(written);
        assertThat(reparsed.limits()).isEqualTo(parsed.limits());
        assertThat(reparsed.recording()).isEqualTo(parsed.recording());
        assertThat(reparsed.stops()).extracting(ProtocolWriterTest::withoutSource)
                .isEqualTo(parsed.stops().stream().map(ProtocolWriterTest::withoutSource).toList());
        assertThat(reparsed.steps()).hasSameSizeAs(parsed.steps());
    }

    private static Object withoutSource(StopCondition stop) {
        return stop instanceof StopCondition.BelowCapacity
                ? ((StopCondition.BelowCapacity) stop).coulombs()
                : ((StopCondition.BelowFractionOfCycle) stop).fraction();
    }

    @Test
    void canonicalFormOfEachStepKind() {
        Protocol p = ProtocolParser.parse(String.join("\n",
                "rest for 90 sec",
                "discharge AT 0.5 A until 800 mV OR 1.5 h, record every 0.5 s or 2 mV",
                "Charge at 250 µA for 2 hours or until 2400 mV or 0.75 mAh",
                "Hold at -400 mV vs ref for 30 minutes or until 36 C",
                "Polarise from 0 to 3 mA in steps of 0.25 mA, 1 min each",
                "Sweep from 200 mV to -0.6 V vs. RHE at 0.01 V/s",
                "Repeat 2 times:",
                "  Cycle between 0.1 and 0.3 V vs Ag/AgCl at 20 mV/s, 1 time",
                "  Ask: refresh"));

        assertThat(ProtocolWriter.write(p)).isEqualTo(String.join("\n",
                "Rest for 90 s",
                "Discharge at 500 mA until 0.8 V or 90 min, record every 500 ms or 2 mV",
                "Charge at 0.25 mA for 2 h or until 2.4 V or 0.75 mAh",
                "Hold at -0.4 V vs Ag/AgCl for 30 min or until 10 mAh",
                "Polarize from 0 to 3 mA in steps of 0.25 mA, 1 min each",
                "Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s",
                "Repeat 2 times:",
                "  Cycle between 0.1 and 0.3 V vs Ag/AgCl at 20 mV/s, 1 time",
                "  Ask \"refresh\"",
                ""));
    }
}
