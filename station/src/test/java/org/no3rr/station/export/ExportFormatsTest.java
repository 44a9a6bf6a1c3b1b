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
            + "Working Electrode Potential vs Reference / V,Working Electrode Potential vs RHE / V";

    @Test
    void bdfOfAnElectrolysisRunCarriesBothPotentialScalesAndCumulativeCapacity() {
        long id = runToTheEnd("ch3", "{\"areaCm2\": 1.0, \"ph\": 7.0}");
        long stored = samplesStored(id);

        List<String> bdf = export(id, "bdf", "text/csv", "run-" + id + ".bdf.csv").lines().toList();
        List<String> tidy = export(id, "csv", "text/csv", "run-" + id + ".csv").lines().toList();

        assertThat(bdf.get(0)).isEqualTo("Test Time / s,Unix Time / s,Voltage / V,Current / A,Cycle Count / 1,"
                + "Step Count / 1,Step Index / 1,Step Type,Charging Capacity / Ah,Discharging Capacity / Ah,"
                + "Charging Energy / Wh,Discharging Energy / Wh,Temperature T1 / degC,"
                + "Working Electrode Potential vs Reference / V,Working Electrode Potential vs RHE / V")
                .isEqualTo(WITH_RHE);
        assertThat(bdf).hasSize((int) stored + 1).hasSameSizeAs(tidy);
        for (int i = 1; i < bdf.size(); i++) {
            String[] b = bdf.get(i).split(",", -1);
            String[] t = tidy.get(i).split(",", -1);
            // test time, unix time, V, I as the tidy CSV has them; cycle, step count, step index, type
            assertThat(List.of(b[0], b[1], b[2], b[3])).isEqualTo(List.of(t[0], t[1], t[2], t[3]));
            assertThat(List.of(b[4], b[5], b[6], b[7])).isEqualTo(List.of(t[6], t[7], t[8], t[9]));
            assertThat(b[12]).as("temperature").isEqualTo(t[5]);
            assertThat(b[13]).as("WE vs reference").isEqualTo(t[4]);
            assertThat(Double.parseDouble(b[14])).as("WE vs RHE = E + 0.197 + 0.0592 × 7")
                    .isCloseTo(Double.parseDouble(t[4]) + 0.197 + 0.0592 * 7, within(1e-12));
        }
        String[] last = bdf.get(bdf.size() - 1).split(",", -1);
        assertThat(last[7]).isEqualTo("discharge");
        // a 1 mA reduction for 60 s: 0.06 C = 1.667e-5 Ah discharged, nothing charged
        assertThat(Double.parseDouble(last[9])).isCloseTo(0.06 / 3600, within(0.02 * 0.06 / 3600));
        assertThat(Double.parseDouble(last[8])).as("charge from the open-circuit noise of the rest")
                .isLessThan(0.01 * Double.parseDouble(last[9]));

        JsonPath cycles = cycles(id);
        assertThat(Double.parseDouble(last[8]) * 3600).as("cumulative charge equals /cycles, C")
                .isCloseTo(cycles.getDouble("[0].chargeCapacityCoulombs"), within(1e-12));
        assertThat(Double.parseDouble(last[9]) * 3600).as("cumulative discharge equals /cycles, C")
                .isCloseTo(cycles.getDouble("[0].dischargeCapacityCoulombs"), within(1e-12));
        assertThat(Double.parseDouble(last[11]) * 3600).as("cumulative discharge energy equals /cycles, J")
                .isCloseTo(cycles.getDouble("[0].dischargeEnergyJ"), within(1e-12));
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

        assertThat(json.get("format").asText()).isEqualTo("no3rr-station-run/1");
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
        assertThat(json.at("/potentials/nernstSlopeVPerPh").asDouble()).isEqualTo(0.0592);
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
        assertThat(last.get("stepType").asText()).isEqualTo("discharge");
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
                } else if (column.field().endsWith("EpochMillis")) {
                    assertThat(Math.round(Double.parseDouble(cell) * 1000)).as(column.header())
                            .isEqualTo(((Number) expected).longValue());
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
