package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.no3rr.station.AuthenticatedApiTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The foundation's end-to-end promise: through the HTTP API, a 5 mA cm⁻² discharge of a simulated
 * 1 cm² Zn–NO3⁻ battery runs to its 0.8 V cut-off, and the CSV export holds every sample.
 */
@QuarkusTest
class DischargeRunTest extends AuthenticatedApiTest {

    @Test
    void dischargeRunsToItsCutOffAndExportsEverySample() {
        long id = given().contentType(ContentType.JSON)
                .body("""
                        {"channel": "ch1",
                         "protocol": "Discharge at 5 mA/cm2 until 0.8 V or 2 h",
                         "cell": {"areaCm2": 1.0, "znMassG": 0.05},
                         "notes": "foundation acceptance"}""")
                .post("/api/runs")
                .then().statusCode(201)
                .header("Location", startsWith("/api/runs/"))
                .body("channel", equalTo("ch1"))
                .extract().jsonPath().getLong("id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/api/runs/" + id).jsonPath().getString("state").equals("DONE"));

        String csv = given().queryParam("format", "csv").get("/api/runs/" + id + "/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("test_time_s,unix_time_s,step_time_s,voltage_V,current_A,"
                + "we_potential_vs_ref_V,we_potential_vs_rhe_V,we_potential_ir_free_vs_rhe_V,temperature_C,cycle,"
                + "step_number,step_line,step_kind");
        List<double[]> rows = lines.subList(1, lines.size()).stream().map(DischargeRunTest::numbers).toList();

        long stored = given().get("/api/runs/" + id).jsonPath().getLong("samplesStored");
        assertThat(rows).hasSize((int) stored).hasSizeGreaterThan(600);
        assertThat(rows.get(0)[2]).as("the step's first reading, at its step time 0").isZero();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i)[0]).as("test time of row %d", i).isGreaterThan(rows.get(i - 1)[0]);
            assertThat(rows.get(i)[2] - rows.get(i - 1)[2]).as("step time advances with the clock, row %d", i)
                    .isCloseTo(rows.get(i)[0] - rows.get(i - 1)[0], within(1e-9));
        }
        double meanCurrent = rows.stream().mapToDouble(r -> r[4]).average().orElseThrow();
        assertThat(meanCurrent).as("mean current, A (discharge is negative)").isCloseTo(-0.005, within(2e-5));
        double lastVoltage = rows.get(rows.size() - 1)[3];
        assertThat(lastVoltage).as("last voltage, V").isLessThanOrEqualTo(0.8).isGreaterThan(0.75);
        assertThat(rows.get(rows.size() - 2)[3]).as("voltage before the cut-off").isGreaterThan(0.8);
        assertThat(lines.get(lines.size() - 1)).endsWith(",1,1,1,discharge");
    }

    private static double[] numbers(String line) {
        String[] cells = line.split(",", -1);
        return Arrays.stream(cells, 0, 5).mapToDouble(Double::parseDouble).toArray();
    }
}
