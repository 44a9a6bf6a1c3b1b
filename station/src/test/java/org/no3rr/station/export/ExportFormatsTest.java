package org.no3rr.station.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Every export format of real simulated runs on the H-cells (ch3, ch4): exact headers, rows that
 * agree with the tidy CSV and with {@code /cycles}, and a JSON document with every sample.
 */
@QuarkusTest
class ExportFormatsTest extends AuthenticatedApiTest {

    private static final String PROTOCOL = "Rest for 30 s\\nDischarge at 1 mA for 1 min";
    private static final String WITH_RHE = BdfCsvWriter.BASE_HEADER + ",Temperature T1 / degC,"
            + BdfCsvWriter.WE_VS_REFERENCE + "," + BdfCsvWriter.WE_VS_RHE + "," + BdfCsvWriter.WE_IR_FREE_VS_RHE;

    /** A CSV as rows of named cells. */
    private static List<Map<String, String>> table(String csv) {
        List<String> lines = csv.lines().toList();
        String[] header = lines.get(0).split(",", -1);
        return lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            return row;
        }).toList();
    }

    @Test
    void bdfOfAnElectrolysisRunAgreesWithTheTidyCsvAndItsStepsWithSlashSteps() {
        long id = runToTheEnd("ch3", "{\"areaCm2\": 1.0, \"ph\": 7.0, \"uncompensatedResistanceOhm\": 0.3}");
        long stored = samplesStored(id);

        String bdfText = export(id, "bdf", "text/csv", "run-" + id + ".bdf.csv");
        assertThat(bdfText.lines().findFirst()).contains(WITH_RHE);
        List<Map<String, String>> bdf = table(bdfText);
        List<Map<String, String>> tidy = table(export(id, "csv", "text/csv", "run-" + id + ".csv"));
        assertThat(bdf).hasSize((int) stored).hasSameSizeAs(tidy);
        for (int i = 0; i < bdf.size(); i++) {
            Map<String, String> b = bdf.get(i);
            Map<String, String> t = tidy.get(i);
            assertThat(List.of(b.get("Test Time / s"), b.get("Unix Time / s"), b.get("Step Time / s"),
                    b.get("Voltage / V"), b.get("Current / A"), b.get("Cycle Count / 1"), b.get("Step Count / 1"),
                    b.get("Step ID"), b.get("Step Type"))).isEqualTo(List.of(t.get("test_time_s"), t.get("unix_time_s"),
                    t.get("step_time_s"), t.get("voltage_V"), t.get("current_A"), t.get("cycle"), t.get("step_number"),
                    t.get("step_line"), t.get("step_kind")));
            assertThat(b.get(BdfCsvWriter.WE_VS_REFERENCE)).isEqualTo(t.get("we_potential_vs_ref_V"));
            assertThat(b.get(BdfCsvWriter.WE_VS_RHE)).isEqualTo(t.get("we_potential_vs_rhe_V"));
            double we = Double.parseDouble(t.get("we_potential_vs_ref_V"));
            double amps = Double.parseDouble(t.get("current_A"));
            assertThat(Double.parseDouble(b.get(BdfCsvWriter.WE_VS_RHE))).as("E + 0.197 + 0.0592 × 7")
                    .isCloseTo(we + 0.197 + 0.0592 * 7, within(1e-12));
            assertThat(Double.parseDouble(b.get(BdfCsvWriter.WE_IR_FREE_VS_RHE))).as("E_RHE − I·R_u")
                    .isCloseTo(we + 0.197 + 0.0592 * 7 - amps * 0.3, within(1e-12));
        }
        List<Map<String, Object>> steps = given().get("/api/runs/" + id + "/steps").then().statusCode(200).extract()
                .jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)).getList("$");
        assertThat(steps).extracting(s -> s.get("kind")).containsExactly("rest", "discharge");
        for (Map<String, Object> step : steps) {
            int number = ((Number) step.get("stepNumber")).intValue();
            List<Map<String, String>> rows = bdf.stream()
                    .filter(r -> r.get("Step Count / 1").equals(Integer.toString(number))).toList();
            Map<String, String> lastRow = rows.get(rows.size() - 1);
            assertThat(rows).extracting(r -> r.get("Step Record Index / 1"))
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, rows.size())
                            .mapToObj(Integer::toString).toList());
            assertThat(Double.parseDouble(lastRow.get("Step Discharging Capacity / Ah")))
                    .as("step %d's last row is its stored summary", number)
                    .isEqualTo(((Number) step.get("dischargeCoulombs")).doubleValue() / 3600);
            assertThat(Double.parseDouble(lastRow.get("Step Charging Capacity / Ah")))
                    .isEqualTo(((Number) step.get("chargeCoulombs")).doubleValue() / 3600);
            assertThat(Double.parseDouble(lastRow.get("Step Time / s")))
                    .isEqualTo(((Number) step.get("durationS")).doubleValue());
        }
        // a 1 mA reduction for 60 s: 0.06 C
        assertThat(((Number) steps.get(1).get("dischargeCoulombs")).doubleValue()).isCloseTo(0.06, within(0.02 * 0.06));
        JsonPath cycles = cycles(id);
        assertThat(cycles.getDouble("[0].dischargeCoulombs")).as("the cycle's cathodic charge is the sum of its steps")
                .isEqualTo(((Number) steps.get(0).get("dischargeCoulombs")).doubleValue()
                        + ((Number) steps.get(1).get("dischargeCoulombs")).doubleValue());
        assertThat(cycles.getString("[0].coulombicEfficiency")).as("no battery ratio for an electrolysis run").isNull();
        assertThat(cycles.getString("[0].dischargeCapacityCoulombs")).isNull();
    }

    @Test
    void withoutAPhTheRheColumnIsLeftOutAndTheJsonSaysWhy() throws Exception {
        long id = runToTheEnd("ch4", "{\"areaCm2\": 1.0}");

        String header = export(id, "bdf", "text/csv", "run-" + id + ".bdf.csv").lines().findFirst().orElseThrow();
        assertThat(header).isEqualTo(BdfCsvWriter.BASE_HEADER + ",Temperature T1 / degC,"
                + "Working Electrode Potential vs Reference / V");

        JsonNode json = new ObjectMapper().readTree(export(id, "json", "application/json", "run-" + id + ".json"));
        assertThat(json.at("/potentials/ph").isNull()).isTrue();
        assertThat(json.at("/potentials/rhe").asText()).startsWith("no RHE potentials: the run's cell metadata has no pH");
        assertThat(json.at("/samples/0").has("wePotentialVsRheV")).isFalse();
    }

    @Test
    void jsonHoldsTheRunsMetadataAndEveryStoredSample() throws Exception {
        long id = runToTheEnd("ch3", "{\"areaCm2\": 1.0, \"ph\": 13.0, \"catalystMassMg\": 2.0}");
        long stored = samplesStored(id);

        JsonNode json = new ObjectMapper().readTree(export(id, "json", "application/json", "run-" + id + ".json"));

        assertThat(json.get("format").asText()).isEqualTo("no3rr-station-run/2");
        assertThat(json.at("/run/id").asLong()).isEqualTo(id);
        assertThat(json.at("/run/channel").asText()).isEqualTo("ch3");
        assertThat(json.at("/run/state").asText()).isEqualTo("DONE");
        assertThat(json.at("/run/protocol").asText()).isEqualTo("Rest for 30 s\nDischarge at 1 mA for 1 min");
        assertThat(json.at("/run/notes").asText()).isEqualTo("export test");
        assertThat(json.at("/run/samplesStored").asLong()).isEqualTo(stored);
        assertThat(json.at("/cell/ph").asDouble()).isEqualTo(13.0);
        assertThat(json.at("/cell/catalystMassMg").asDouble()).isEqualTo(2.0);
        assertThat(json.at("/hardware/channel").asText()).isEqualTo("ch3");
        assertThat(json.at("/hardware/model").asText()).isEqualTo("h-cell");
        assertThat(json.at("/potentials/referenceOffsetV").asDouble()).isEqualTo(0.197);
        assertThat(json.at("/potentials/rheSlopeVPerPh").asDouble()).isEqualTo(0.0592);
        assertThat(json.at("/potentials/rhe").asText()).startsWith("E_RHE = E_vs_reference + 0.197 V + 0.0592 V/pH "
                + "× pH 13.0; iR-corrected: E_RHE − I·R_u with R_u = 0.0 Ω");
        List<String> kinds = json.get("events").findValuesAsText("kind");
        assertThat(kinds).startsWith("CREATED", "STARTED").contains("STEP_STARTED").endsWith("FINISHED");

        JsonNode samples = json.get("samples");
        assertThat(samples.size()).isEqualTo(stored);
        for (int i = 0; i < samples.size(); i++) {
            JsonNode s = samples.get(i);
            assertThat(s.get("seq").asLong()).isEqualTo(i + 1);
            assertThat(s.get("wePotentialVsRheV").asDouble())
                    .isCloseTo(s.get("wePotentialV").asDouble() + 0.197 + 0.0592 * 13, within(1e-12));
        }
        JsonNode last = samples.get(samples.size() - 1);
        assertThat(last.get("stepKind").asText()).isEqualTo("discharge");
        assertThat(last.get("stepTimeS").asDouble()).isEqualTo(60.0);
        assertThat(last.get("currentA").asDouble()).isCloseTo(-0.001, within(2e-5));
        List<String> tidy = export(id, "csv", "text/csv", "run-" + id + ".csv").lines().toList();
        assertThat(last.get("testTimeS").asDouble())
                .isEqualTo(Double.parseDouble(tidy.get(tidy.size() - 1).split(",")[0]));
    }

    @Test
    void cyclesCsvRowsEqualTheCyclesEndpoint() {
        long id = runToTheEnd("ch4", "{\"areaCm2\": 1.0}");

        List<String> lines = export(id, "cycles", "text/csv", "run-" + id + "-cycles.csv").lines().toList();
        List<Map<String, Object>> cycles = cycles(id).getList("$");

        assertThat(lines.get(0)).isEqualTo(CycleCsvWriter.HEADER);
        assertThat(lines).hasSize(cycles.size() + 1);
        for (int row = 0; row < cycles.size(); row++) {
            String[] cells = lines.get(row + 1).split(",", -1);
            Map<String, Object> cycle = cycles.get(row);
            assertThat(cells[0]).isEqualTo(cycle.get("cycle").toString());
            assertThat(cells[1]).isEqualTo(cycle.get("complete").toString());
            for (int c = 0; c < CycleCsvWriter.COLUMNS.size(); c++) {
                CycleCsvWriter.Column column = CycleCsvWriter.COLUMNS.get(c);
                Object expected = cycle.get(column.field());
                String cell = cells[c + 2];
                if (expected == null) {
                    assertThat(cell).as(column.header()).isEmpty();
                } else if (column.field().endsWith("Time")) {
                    assertThat(Math.round(Double.parseDouble(cell) * 1000)).as(column.header())
                            .isEqualTo(java.time.Instant.parse(expected.toString()).toEpochMilli());
                } else {
                    assertThat(Double.parseDouble(cell)).as(column.header())
                            .isEqualTo(((Number) expected).doubleValue());
                }
            }
        }
    }

    private static long runToTheEnd(String channel, String cell) {
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"" + channel + "\", \"protocol\": \"" + PROTOCOL + "\", \"cell\": " + cell
                        + ", \"notes\": \"export test\"}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/api/runs/" + id).jsonPath().getString("state").equals("DONE"));
        return id;
    }

    private static long samplesStored(long id) {
        return given().get("/api/runs/" + id).jsonPath().getLong("samplesStored");
    }

    private static JsonPath cycles(long id) {
        return given().get("/api/runs/" + id + "/cycles").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String export(long id, String format, String mediaType, String fileName) {
        ExtractableResponse<Response> response = given().queryParam("format", format)
                .get("/api/runs/" + id + "/export").then().statusCode(200).extract();
        assertThat(response.contentType()).startsWith(mediaType);
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + fileName + "\"");
        return response.asString();
    }
}
