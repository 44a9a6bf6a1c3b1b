package org.no3rr.station.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.ProtocolTemplates;
import org.no3rr.station.AuthenticatedApiTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template on the simulated station, its prompts answered and a pause made and resumed early
 * on (a long run is stopped after a while): {@code /steps}, {@code /cycles}, the cycle export and
 * the BDF export agree exactly with each other and with a recomputation from the run's own samples
 * in the tidy CSV — the summaries the engine stored are the only numbers there are.
 */
@QuarkusTest
class TemplateAgreementTest extends AuthenticatedApiTest {

    private static final long STOP_LONG_RUNS_AFTER_MILLIS = 6000;

    static Stream<ProtocolTemplates.Template> templates() {
        return ProtocolTemplates.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyNumberOfATemplatesRunAgrees(ProtocolTemplates.Template template) throws InterruptedException {
        boolean electrolysis = ProtocolParser.parse(template.text()).needsPotentialControl();
        // each battery template on a fresh cell: a cell whose parameters differ from the mounted one's (here
        // its capacity, by 1 µAh per template) is mounted new (docs/simulator.md), so no template inherits a
        // cell an earlier one emptied
        double nominalAh = 0.005 + 1e-6 * ProtocolTemplates.all().indexOf(template);
        long run = start(electrolysis ? "ch3" : "ch1", template.text(), electrolysis
                ? "{\"areaCm2\": 1.0, \"catalystMassMg\": 2.0, \"catholyteVolumeMl\": 40, \"ph\": 7}"
                : "{\"areaCm2\": 1.0, \"znMassG\": 0.05, \"nominalCapacityAh\": " + nominalAh + "}");
        String ended = driveToTheEnd(run);
        String reason = json("/api/runs/" + run).getString("endReason");
        if (template.id().equals("cv-activation")) {
            // seed 004's activation to -1.15 V vs RHE draws more than the simulated H-cell channel's ±500 mA at pH 7
            assertThat(reason).contains("reached the channel's rating of ±500.0000 mA");
        } else {
            assertThat(ended).as("run %d of %s ended %s: %s", run, template.id(), ended, reason)
                    .isIn("DONE", "STOPPED");
        }

        List<Map<String, Object>> steps = json("/api/runs/" + run + "/steps").getList("$");
        List<Map<String, String>> csv = table(export(run, "csv"));
        List<Map<String, String>> bdf = table(export(run, "bdf"));
        Map<Integer, StepTotals> recomputed = foldSteps(csv);
        assertThat(steps).as("steps of run %d", run).isNotEmpty();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> step = steps.get(i);
            int number = number(step.get("stepNumber"));
            assertThat(number).as("step numbers have no gaps").isEqualTo(i + 1);
            StepTotals own = recomputed.getOrDefault(number, StepTotals.EMPTY);
            assertThat(number(step.get("sampleCount"))).isEqualTo(own.sampleCount());
            assertThat(value(step, "chargeCoulombs")).as("step %d charge", number).isEqualTo(own.chargeCoulombs());
            assertThat(value(step, "dischargeCoulombs")).as("step %d discharge", number)
                    .isEqualTo(own.dischargeCoulombs());
            assertThat(value(step, "chargeEnergyJ")).isEqualTo(own.chargeEnergyJ());
            assertThat(value(step, "dischargeEnergyJ")).isEqualTo(own.dischargeEnergyJ());
            assertThat(value(step, "durationS")).isEqualTo(own.durationS());
            lastBdfRowOf(bdf, number).ifPresent(row -> {
                assertThat(Double.parseDouble(row.get("Step Charging Capacity / Ah")))
                        .isEqualTo(own.chargeCoulombs() / 3600);
                assertThat(Double.parseDouble(row.get("Step Discharging Capacity / Ah")))
                        .isEqualTo(own.dischargeCoulombs() / 3600);
            });
        }

        List<Map<String, Object>> cycles = json("/api/runs/" + run + "/cycles").getList("$");
        List<Map<String, String>> cycleCsv = table(export(run, "cycles"));
        assertThat(cycleCsv).hasSameSizeAs(cycles);
        for (int c = 0; c < cycles.size(); c++) {
            Map<String, Object> cycle = cycles.get(c);
            int number = number(cycle.get("cycle"));
            double charge = 0;
            double discharge = 0;
            for (Map<String, Object> step : steps) {
                if (number(step.get("cycle")) == number) {
                    charge += value(step, "chargeCoulombs");
                    discharge += value(step, "dischargeCoulombs");
                }
            }
            assertThat(value(cycle, "chargeCoulombs")).as("cycle %d is the sum of its steps", number).isEqualTo(charge);
            assertThat(value(cycle, "dischargeCoulombs")).isEqualTo(discharge);
            Map<String, String> row = cycleCsv.get(c);
            assertThat(Double.parseDouble(row.get("discharge_C"))).isEqualTo(discharge);
            assertThat(row.get("coulombic_efficiency_fraction")).isEqualTo(text(cycle.get("coulombicEfficiency")));
            assertThat(row.get("discharge_capacity_C")).isEqualTo(text(cycle.get("dischargeCapacityCoulombs")));
        }
    }

    /**
     * Answers every prompt, pauses and resumes once, and stops a run that is still going after a while;
     * returns the state it ended in.
     */
    private static String driveToTheEnd(long run) throws InterruptedException {
        long began = System.currentTimeMillis();
        boolean paused = false;
        while (true) {
            JsonPath view = json("/api/runs/" + run);
            String state = view.getString("state");
            if (state.equals("DONE") || state.equals("FAULTED") || state.equals("STOPPED")) {
                return state;
            }
            if (state.equals("WAITING_FOR_ANSWER")) {
                post(run, "answer", "{\"answer\": \"done\"}");
            } else if (state.equals("RUNNING") && !paused && view.getLong("samplesStored") > 3) {
                post(run, "pause", "{}");
                paused = true;
            } else if (state.equals("PAUSED")) {
                post(run, "resume", "{}");
            } else if (System.currentTimeMillis() - began > STOP_LONG_RUNS_AFTER_MILLIS) {
                post(run, "stop", "{}");
            }
            Thread.sleep(20);
        }
    }

    /** Each step's samples from the tidy CSV folded over step time, as a sceptic would. */
    private static Map<Integer, StepTotals> foldSteps(List<Map<String, String>> csv) {
        Map<Integer, StepTotals> totals = new LinkedHashMap<>();
        for (Map<String, String> row : csv) {
            long stepMillis = Math.round(Double.parseDouble(row.get("step_time_s")) * 1000);
            double volts = Double.parseDouble(row.get("voltage_V"));
            double amps = Double.parseDouble(row.get("current_A"));
            totals.merge(Integer.parseInt(row.get("step_number")), StepTotals.EMPTY.plus(stepMillis, volts, amps),
                    (sofar, one) -> sofar.plus(stepMillis, volts, amps));
        }
        return totals;
    }

    private static java.util.Optional<Map<String, String>> lastBdfRowOf(List<Map<String, String>> bdf, int step) {
        Map<String, String> last = null;
        for (Map<String, String> row : bdf) {
            if (Integer.parseInt(row.get("Step Count / 1")) == step) {
                last = row;
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    private static List<Map<String, String>> table(String csv) {
        List<String> lines = csv.lines().toList();
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String text(Object number) {
        return number == null ? "" : Double.toString(((Number) number).doubleValue());
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static double value(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private static long start(String channel, String protocol, String cell) {
        String body = "{\"channel\": \"" + channel + "\", \"protocol\": " + quote(protocol) + ", \"cell\": " + cell + "}";
        return given().contentType(ContentType.JSON).body(body).post("/api/runs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void post(long run, String action, String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/runs/" + run + "/" + action);
    }

    private static JsonPath json(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String export(long run, String format) {
        return given().queryParam("format", format).get("/api/runs/" + run + "/export").then().statusCode(200)
                .extract().asString();
    }
}
