package org.no3rr.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.ProtocolTemplates;
import org.no3rr.protocol.ProtocolWriter;

class ProtocolJsonTest {

    static Stream<ProtocolTemplates.Template> templates() {
        return ProtocolTemplates.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateRoundTripsTextToModelToJsonToModelToTextUnchanged(ProtocolTemplates.Template template) {
        Protocol fromText = ProtocolParser.parse(template.text());

        Protocol fromJson = ProtocolJson.read(ProtocolJson.write(fromText));

        assertThat(ProtocolWriter.write(fromJson)).isEqualTo(template.text());
        assertThat(fromJson).isEqualTo(fromText);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateRoundTripsJsonToModelToJsonUnchanged(ProtocolTemplates.Template template) {
        String json = ProtocolJson.write(ProtocolParser.parse(template.text()));

        assertThat(ProtocolJson.write(ProtocolJson.read(json))).isEqualTo(json);
    }

    @Test
    void aJsonProtocolGivesExactlyTheModelOfItsCanonicalTextAndKeepsThatText() {
        String json = """
                {"limits": {"voltage": {"min": {"value": 0, "unit": "V"}, "max": {"value": 2600, "unit": "mV"}},
                            "current": {"min": {"value": -0.05, "unit": "A"}, "max": {"value": 50, "unit": "mA"}}},
                 "record": {"voltage": {"value": 5, "unit": "mV"}, "time": {"value": 1, "unit": "s"}},
                 "stops": [{"capacity": "discharge", "below": {"value": 80, "unit": "%"}, "ofCycle": 1}],
                 "steps": [
                  {"rest": {"ends": [{"time": {"value": 10, "unit": "min"}}]}},
                  {"repeat": {"times": 3, "steps": [
                    {"discharge": {"current": {"value": 5000, "unit": "uA/cm2"},
                                   "ends": [{"voltage": {"value": 0.8, "unit": "V"}}, {"time": {"value": 2, "unit": "h"}}],
                                   "record": {"time": {"value": 500, "unit": "ms"}}}},
                    {"charge": {"current": {"value": 2, "unit": "mA"}, "ends": [{"capacity": {"value": 5, "unit": "mAh"}}]}},
                    {"ask": {"prompt": "Refresh the electrolyte"}}]}},
                  {"hold": {"potential": {"value": -100, "unit": "mV", "vs": "rhe"},
                            "ends": [{"time": {"value": 1, "unit": "h"}}, {"capacity": {"value": 36, "unit": "C"}}]}},
                  {"polarize": {"from": {"value": 0, "unit": "mA/cm2"}, "to": {"value": 30, "unit": "mA/cm2"},
                                "increment": {"value": 1, "unit": "mA/cm2"}, "dwell": {"value": 60, "unit": "s"},
                                "ends": [{"voltage": {"value": 0.2, "unit": "V"}}]}},
                  {"sweep": {"from": {"value": 0.2, "unit": "V", "vs": "RHE"}, "to": {"value": -0.6, "unit": "V", "vs": "RHE"},
                             "rate": {"value": 0.01, "unit": "V/s"}}},
                  {"cycle": {"first": {"value": 0.1, "unit": "V", "vs": "Ag/AgCl"}, "second": {"value": 0.3, "unit": "V", "vs": "ref"},
                             "rate": {"value": 20, "unit": "mV/s"}, "cycles": 3}}]}
                """;
        String canonical = """
                Limits: 0 V to 2.6 V, -50 mA to 50 mA
                Record every 1 s or 5 mV
                Stop when discharge capacity < 80 % of cycle 1
                Rest for 10 min
                Repeat 3 times:
                  Discharge at 5 mA/cm2 until 0.8 V or 2 h, record every 500 ms
                  Charge at 2 mA until 5 mAh
                  Ask "Refresh the electrolyte"
                Hold at -0.1 V vs RHE for 1 h or until 10 mAh
                Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 1 min each, until 0.2 V
                Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s
                Cycle between 0.1 and 0.3 V vs Ag/AgCl at 20 mV/s, 3 times
                """;

        Protocol protocol = ProtocolJson.read(json);

        assertThat(protocol.text()).isEqualTo(canonical);
        assertThat(protocol).isEqualTo(ProtocolParser.parse(canonical));
    }

    @Test
    void theJsonFormWritesTheCanonicalUnitsWithTwoSpaceIndentation() {
        Protocol protocol = ProtocolParser.parse("Limits: 0 V to 2.6 V\nRepeat 2 times:\n"
                + "  Discharge at 5 mA/cm2 for 10 min or until 0.8 V\n  Ask \"Refresh the electrolyte\"\n");

        assertThat(ProtocolJson.write(protocol)).isEqualTo("""
                {
                  "limits": {
                    "voltage": {
                      "min": {
                        "value": 0,
                        "unit": "V"
                      },
                      "max": {
                        "value": 2.6,
                        "unit": "V"
                      }
                    }
                  },
                  "steps": [
                    {
                      "repeat": {
                        "times": 2,
                        "steps": [
                          {
                            "discharge": {
                              "current": {
                                "value": 5,
                                "unit": "mA/cm2"
                              },
                              "ends": [
                                {
                                  "time": {
                                    "value": 10,
                                    "unit": "min"
                                  }
                                },
                                {
                                  "voltage": {
                                    "value": 0.8,
                                    "unit": "V"
                                  }
                                }
                              ]
                            }
                          },
                          {
                            "ask": {
                              "prompt": "Refresh the electrolyte"
                            }
                          }
                        ]
                      }
                    }
                  ]
                }
                """);
    }

    @Test
    void everyErrorExampleIsItselfAValidJsonForm() {
        java.util.Map<String, org.no3rr.protocol.StepKind> kinds = java.util.Map.of("rest",
                org.no3rr.protocol.StepKind.REST, "discharge", org.no3rr.protocol.StepKind.DISCHARGE, "charge",
                org.no3rr.protocol.StepKind.CHARGE, "hold", org.no3rr.protocol.StepKind.HOLD, "polarize",
                org.no3rr.protocol.StepKind.POLARIZATION, "sweep", org.no3rr.protocol.StepKind.SWEEP, "cycle",
                org.no3rr.protocol.StepKind.CYCLIC_VOLTAMMETRY, "ask", org.no3rr.protocol.StepKind.ASK, "repeat",
                org.no3rr.protocol.StepKind.REPEAT);
        kinds.forEach((key, kind) -> {
            Protocol protocol = ProtocolJson.read("{\"steps\": [" + JsonExamples.of(key) + "]}");
            assertThat(protocol.outline().get(0).kind()).isEqualTo(kind);
        });
        for (String setting : new String[] {"limits", "record", "stops"}) {
            String example = JsonExamples.of(setting);
            Protocol protocol = ProtocolJson.read(example.substring(0, example.length() - 1)
                    + ", \"steps\": [{\"rest\": {\"ends\": [{\"time\": {\"value\": 1, \"unit\": \"s\"}}]}}]}");
            assertThat(protocol.text()).doesNotStartWith("Rest");
        }
        assertThat(ProtocolJson.read(JsonExamples.of(JsonExamples.PROTOCOL)).steps()).hasSize(2);
    }

    @Test
    void aPromptWithQuotesAndAHashComesBackExactlyOrIsRefused() {
        Protocol kept = ProtocolJson.read("{\"steps\": [{\"ask\": {\"prompt\": \"Say \\\"done\\\" # when ready\"}}]}");
        assertThat(kept.outline().get(0).canonical()).isEqualTo("Ask \"Say \"done\" # when ready\"");

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ProtocolJson.read("{\"steps\": [{\"ask\": {\"prompt\": \"Say \\\" # cut\"}}]}"))
                .isInstanceOf(org.no3rr.protocol.ProtocolException.class)
                .hasMessageContaining("steps[0].ask.prompt: the prompt cannot be kept as protocol text");
    }

    @Test
    void theJsonFormCoversEveryBatteryStepModeAndEnd() {
        String json = """
                {"steps": [
                  {"discharge": {"current": {"value": 0.5, "unit": "C"},
                                 "ends": [{"voltage": {"value": 0.8, "unit": "V"}}, {"energy": {"value": 10, "unit": "mWh"}}]}},
                  {"charge": {"current": {"value": 1, "unit": "C"}, "holdAt": {"value": 2.4, "unit": "V"},
                              "ends": [{"current": {"value": 0.05, "unit": "C"}}, {"time": {"value": 3, "unit": "h"}}]}},
                  {"hold": {"voltage": {"value": 2.4, "unit": "V"},
                            "ends": [{"current": {"value": 0.5, "unit": "mA/cm2"}, "operator": "<"}]}},
                  {"discharge": {"power": {"value": 5, "unit": "mW/cm2"},
                                 "ends": [{"voltage": {"value": 1.6, "unit": "V"}, "operator": ">"}, {"time": {"value": 1, "unit": "h"}}]}},
                  {"discharge": {"resistance": {"value": 100, "unit": "Ohm"}, "ends": [{"capacity": {"value": 36, "unit": "C"}}],
                                 "record": {"time": {"value": 10, "unit": "s"}}}}]}
                """;
        String canonical = """
                Discharge at C/2 until 0.8 V or 10 mWh
                Charge at 1C until 2.4 V then hold until C/20 or 3 h
                Hold at 2.4 V until 0.5 mA/cm2
                Discharge at 5 mW/cm2 until > 1.6 V or 1 h
                Discharge at 100 Ohm until 10 mAh, record every 10 s
                """;

        Protocol protocol = ProtocolJson.read(json);

        assertThat(protocol.text()).isEqualTo(canonical);
        assertThat(protocol).isEqualTo(ProtocolParser.parse(canonical));
        assertThat(ProtocolJson.read(ProtocolJson.write(protocol))).isEqualTo(protocol);
    }

    @Test
    void aCccvStepIsWrittenWithItsHoldVoltageAndACRateWithAllItsDigits() {
        Protocol protocol = ProtocolParser.parse("Charge at C/3 until 4.2 V then hold until > 2 mA");

        assertThat(ProtocolJson.tree(protocol).toString()).isEqualTo("{\"steps\":[{\"charge\":{"
                + "\"current\":{\"value\":0.3333333333333333,\"unit\":\"C\"},\"holdAt\":{\"value\":4.2,\"unit\":\"V\"},"
                + "\"ends\":[{\"current\":{\"value\":2,\"unit\":\"mA\"},\"operator\":\">\"}]}}]}");
    }

    @Test
    void aJsonStepBreakingAModelRuleIsNamedByItsPath() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProtocolJson.read(
                        "{\"steps\": [{\"charge\": {\"resistance\": {\"value\": 4, \"unit\": \"Ohm\"}, "
                                + "\"ends\": [{\"time\": {\"value\": 1, \"unit\": \"h\"}}]}}]}"))
                .hasMessageContaining("steps[0].charge.resistance: a resistance can only discharge a cell");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProtocolJson.read(
                        "{\"steps\": [{\"hold\": {\"voltage\": {\"value\": 2, \"unit\": \"V\"}, "
                                + "\"ends\": [{\"voltage\": {\"value\": 1, \"unit\": \"V\"}}]}}]}"))
                .hasMessageContaining("steps[0].hold: a voltage hold cannot end at a voltage (1 V)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProtocolJson.read(
                        "{\"steps\": [{\"discharge\": {\"current\": {\"value\": 1, \"unit\": \"mA\"}, "
                                + "\"ends\": [{\"time\": {\"value\": 1, \"unit\": \"h\"}, \"operator\": \"<\"}]}}]}"))
                .hasMessageContaining("steps[0].discharge.ends[0].operator: an operator goes with a voltage or a current");
    }
}
