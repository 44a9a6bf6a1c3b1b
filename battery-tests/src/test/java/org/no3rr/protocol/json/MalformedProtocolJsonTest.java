package org.no3rr.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.no3rr.protocol.ProtocolError;
import org.no3rr.protocol.ProtocolException;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.ProtocolTemplates;

/** Broken JSON protocols: each error names its JSON path, the value and what is allowed. */
class MalformedProtocolJsonTest {

    private static final String REST = "{\"rest\": {\"ends\": [{\"time\": {\"value\": 10, \"unit\": \"min\"}}]}}";

    private static String steps(String... steps) {
        return "{\"steps\": [" + String.join(", ", steps) + "]}";
    }

    private static String discharge(String current, String ends) {
        return "{\"discharge\": {\"current\": " + current + ", \"ends\": " + ends + "}}";
    }

    static Stream<Arguments> malformed() {
        String v08 = "[{\"voltage\": {\"value\": 0.8, \"unit\": \"V\"}}]";
        return Stream.of(
                Arguments.of(steps(REST, REST, discharge("{\"value\": 5, \"unit\": \"mA/cm\"}", v08)), 3,
                        "steps[2].discharge.current.unit: 'mA/cm' is not a unit of a current density, a current or a "
                                + "C-rate; allowed: A/cm2, mA/cm2, µA/cm2, A, mA, µA, C"),
                Arguments.of(steps(discharge("{\"value\": -5, \"unit\": \"mA/cm2\"}", v08)), 1,
                        "steps[0].discharge: give the current as a positive magnitude, found '-5 mA/cm2'"),
                Arguments.of(steps(discharge("\"5 mA/cm2\"", v08)), 1,
                        "steps[0].discharge.current: expected an object with value, unit, found \"5 mA/cm2\""),
                Arguments.of(steps(discharge("{\"value\": \"5\", \"unit\": \"mA\"}", v08)), 1,
                        "steps[0].discharge.current.value: expected a number, found \"5\""),
                Arguments.of(steps(discharge("{\"value\": 5}", v08)), 1,
                        "steps[0].discharge.current.unit: missing; it is required here"),
                Arguments.of(steps(discharge("{\"value\": 5e12, \"unit\": \"mA\"}", v08)), 1,
                        "steps[0].discharge.current.value: the number 5.0E12 is too large; at most 1000000000"),
                Arguments.of(steps(discharge("{\"value\": 5, \"unit\": \"mA\"}", "[]")), 1,
                        "steps[0].discharge.ends: expected a list of one or more ends"),
                Arguments.of(steps("{\"rest\": {\"ends\": [{\"voltage\": {\"value\": 1, \"unit\": \"V\"}}]}}"), 1,
                        "steps[0].rest: a rest cannot end at a voltage (1 V); it ends on a time"),
                Arguments.of(steps("{\"hold\": {\"potential\": {\"value\": -0.1, \"unit\": \"V\", \"vs\": \"SCE\"}, "
                        + "\"ends\": [{\"time\": {\"value\": 1, \"unit\": \"h\"}}]}}"), 1,
                        "steps[0].hold.potential.vs: unknown potential scale 'SCE'; write 'vs RHE' or 'vs Ag/AgCl'"),
                Arguments.of(steps("{\"hold\": {\"potential\": {\"value\": -0.1, \"unit\": \"V\", \"vs\": \"RHE\"}, "
                        + "\"ends\": [{\"capacity\": {\"value\": 1, \"unit\": \"mAh\"}}]}}"), 1,
                        "steps[0].hold: a hold needs a time, so it cannot run forever"),
                Arguments.of(steps(REST, "{\"repeat\": {\"times\": 0, \"steps\": [" + REST + "]}}"), 2,
                        "steps[1].repeat: the repeat count must be from 1 to 1000000, found 0"),
                Arguments.of(steps("{\"repeat\": {\"times\": 2.5, \"steps\": [" + REST + "]}}"), 1,
                        "steps[0].repeat.times: expected a whole number, found 2.5"),
                Arguments.of(steps("{\"repeat\": {\"times\": 2, \"steps\": [" + REST + ", {\"wait\": {}}]}}"), 3,
                        "steps[0].repeat.steps[1].wait: unknown kind of step; a step is one of rest, discharge"),
                Arguments.of(steps("{\"rest\": {}, \"ask\": {}}"), 1,
                        "steps[0]: a step is an object with one key, its kind"),
                Arguments.of(steps("{\"sweep\": {\"from\": {\"value\": 0.2, \"unit\": \"V\", \"vs\": \"RHE\"}, "
                        + "\"to\": {\"value\": -0.6, \"unit\": \"V\", \"vs\": \"Ag/AgCl\"}, "
                        + "\"rate\": {\"value\": 10, \"unit\": \"mV/s\"}}}"), 1,
                        "steps[0].sweep: both potentials are on one scale; found RHE and Ag/AgCl"),
                Arguments.of(steps("{\"cycle\": {\"first\": {\"value\": 0.1, \"unit\": \"V\", \"vs\": \"RHE\"}, "
                        + "\"second\": {\"value\": 0.3, \"unit\": \"V\", \"vs\": \"RHE\"}, "
                        + "\"rate\": {\"value\": 20, \"unit\": \"mV/s\"}, \"cycles\": 3, \"ends\": []}}"), 1,
                        "steps[0].cycle.ends: unknown field; allowed here: first, second, rate, cycles, record"),
                Arguments.of(steps("{\"ask\": {\"prompt\": \"Refresh\\nnow\"}}"), 1,
                        "steps[0].ask.prompt: a prompt is one line"),
                Arguments.of(steps("{\"ask\": {\"prompt\": \"   \"}}"), 1,
                        "steps[0].ask.prompt: the question is empty"),
                Arguments.of("{\"limits\": {\"voltage\": {\"min\": {\"value\": 2.6, \"unit\": \"V\"}, "
                        + "\"max\": {\"value\": 0, \"unit\": \"V\"}}}, \"steps\": [" + REST + "]}", 0,
                        "limits: the low end of '2.6 V to 0 V' must be below the high end"),
                Arguments.of("{\"record\": {\"time\": {\"value\": 1, \"unit\": \"mV\"}}, \"steps\": [" + REST + "]}", 0,
                        "record.time.unit: 'mV' is not a unit of a time; allowed: ms, s, min, h"),
                Arguments.of("{\"stops\": [{\"capacity\": \"discharge\", \"below\": {\"value\": 80, \"unit\": \"%\"}}], "
                        + "\"steps\": [" + REST + "]}", 0,
                        "stops[0]: a percentage needs a reference cycle"),
                Arguments.of("{\"stops\": [{\"capacity\": \"energy\", \"below\": {\"value\": 1, \"unit\": \"mAh\"}}], "
                        + "\"steps\": [" + REST + "]}", 0,
                        "stops[0].capacity: 'energy' is not allowed; use one of: discharge, charge"),
                Arguments.of("{\"step\": [" + REST + "]}", 0, "step: unknown field; allowed here: limits, record, stops, steps"),
                Arguments.of("{\"steps\": []}", 0, "steps: expected a list of one or more steps, found an array"),
                Arguments.of("[" + REST + "]", 0, "protocol: expected an object with limits, record, stops, steps, "
                        + "found an array"),
                Arguments.of("{\"steps\": [" + REST, 0, "protocol: this is not valid JSON at line 1"),
                Arguments.of("{\"steps\": [" + REST + "]} {}", 0, "protocol: this is not valid JSON"),
                Arguments.of("{\"steps\": [" + REST + "], \"steps\": [" + REST + "]}", 0,
                        "protocol: this is not valid JSON at line 1, column"),
                Arguments.of("", 0, "protocol: the protocol JSON is empty"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("malformed")
    void eachErrorNamesItsPathAndOrdinal(String json, int ordinal, String message) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> ProtocolJson.read(json));

        assertThat(e).as("no ProtocolException for %s", json).isNotNull();
        ProtocolError first = e.errors().get(0);
        assertThat(first.message()).startsWith(message);
        assertThat(first.line()).isEqualTo(ordinal);
        assertThat(first.example()).startsWith("{\"");
    }

    @Test
    void everyMistakeOfAProtocolIsReportedAtOnce() {
        String json = "{\"record\": {}, \"steps\": [{\"rest\": {\"ends\": [{\"time\": {\"value\": 1, \"unit\": \"min\"}}], "
                + "\"record\": {\"time\": {\"value\": -1}}}}, {\"charge\": {\"current\": {\"value\": 2, \"unit\": \"V\"}}}]}";

        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> ProtocolJson.read(json));

        assertThat(e.errors()).extracting(ProtocolError::message).containsExactly(
                "record: give at least one of time, voltage, current",
                "steps[0].rest.record.time.unit: missing; it is required here",
                "steps[1].charge.current.unit: 'V' is not a unit of a current density, a current or a C-rate; "
                        + "allowed: A/cm2, mA/cm2, µA/cm2, A, mA, µA, C",
                "steps[1].charge.ends: missing; it is required here");
        assertThat(e.errors()).extracting(ProtocolError::line).containsExactly(0, 1, 2, 2);
    }

    /** Seeded garbage: mangled templates and random bytes give a ProtocolException and nothing else. */
    @Test
    void randomGarbageOnlyEverGivesAProtocolException() {
        Random random = new Random(20240611);
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"steps\"", "\"rest\"", "\"value\"", "\"unit\"", "\"ends\"",
                "\"repeat\"", "\"times\"", "null", "true", "-1", "1e999", "0.5", "\"mA\"", "\"\\u0000\"", "\"#\""};
        java.util.List<String> templates = ProtocolTemplates.all().stream()
                .map(t -> ProtocolJson.write(ProtocolParser.parse(t.text()))).toList();
        for (int i = 0; i < 3000; i++) {
            String json;
            if (i % 3 == 0) {
                StringBuilder b = new StringBuilder();
                for (int k = random.nextInt(40); k > 0; k--) {
                    b.append(pieces[random.nextInt(pieces.length)]);
                }
                json = b.toString();
            } else {
                StringBuilder b = new StringBuilder(templates.get(random.nextInt(templates.size())));
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    int at = random.nextInt(b.length());
                    if (random.nextBoolean()) {
                        b.deleteCharAt(at);
                    } else {
                        b.insert(at, pieces[random.nextInt(pieces.length)]);
                    }
                }
                json = b.toString();
            }
            String input = json;
            try {
                ProtocolJson.read(input);
            } catch (ProtocolException expected) {
                assertThat(expected.errors()).as(input).isNotEmpty()
                        .allSatisfy(err -> assertThat(err.message()).doesNotStartWith("line "));
            }
        }
    }
}
