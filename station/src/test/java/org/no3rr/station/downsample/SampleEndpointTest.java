package org.no3rr.station.downsample;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.no3rr.station.AuthenticatedApiTest;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /api/runs/{id}/samples} against the tidy CSV export of the same simulated H-cell run. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleEndpointTest extends AuthenticatedApiTest {

    private long id;
    private List<String[]> rows;

    @BeforeEach
    void runOnce() {
        if (rows != null) {
            return;
        }
        id = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"ch4\", \"protocol\": \"Rest for 30 s\\nDischarge at 1 mA for 1 min\", "
                        + "\"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/api/runs/" + id).jsonPath().getString("state").equals("DONE"));
        rows = given().get("/api/runs/" + id + "/export").asString().lines().skip(1)
                .map(line -> line.split(",", -1)).toList();
    }

    @Test
    void fewSamplesComeBackAllOfThem() {
        JsonPath chart = chart(null, null, "20000");

        assertThat(chart.getLong("samplesInRange")).isEqualTo(rows.size());
        assertThat(chart.getList("points.seq", Long.class)).hasSize(rows.size()).first().isEqualTo(1L);
        assertThat(chart.getDouble("points[5].testTimeS")).isEqualTo(Double.parseDouble(rows.get(5)[0]));
        // tidy CSV columns: test time, unix time, step time, V, I, WE vs ref, vs RHE, iR-free, T, cycle, step
        assertThat(chart.getDouble("points[5].voltageV")).isEqualTo(Double.parseDouble(rows.get(5)[3]));
        assertThat(chart.getDouble("points[5].currentA")).isEqualTo(Double.parseDouble(rows.get(5)[4]));
        assertThat(chart.getDouble("points[5].wePotentialV")).isEqualTo(Double.parseDouble(rows.get(5)[5]));
        assertThat(chart.getInt("points[5].cycle")).isEqualTo(Integer.parseInt(rows.get(5)[9]));
        assertThat(chart.getInt("points[5].step")).isEqualTo(Integer.parseInt(rows.get(5)[10]));
    }

    @Test
    void theChosenPointsAreLttbOfVoltageAgainstTime() {
        double[] t = rows.stream().mapToDouble(r -> Double.parseDouble(r[1]) * 1000).toArray();
        double[] v = rows.stream().mapToDouble(r -> Double.parseDouble(r[3])).toArray();
        int[] expected = LttbSelector.select(t, v, 10);

        JsonPath chart = chart(null, null, "10");

        assertThat(chart.getLong("samplesInRange")).isEqualTo(rows.size());
        assertThat(chart.getList("points.seq", Long.class)).hasSize(10)
                .containsExactlyElementsOf(java.util.Arrays.stream(expected).mapToObj(i -> i + 1L).toList());
        assertThat(chart.getList("points.seq", Long.class)).startsWith(1L).endsWith((long) rows.size());
    }

    @Test
    void aWindowHoldsTheSamplesBetweenFromAndToInclusive() {
        long inWindow = rows.stream().mapToDouble(r -> Double.parseDouble(r[0])).filter(s -> s >= 10 && s <= 40)
                .count();

        JsonPath chart = chart("10", "40", null);

        assertThat(chart.getLong("samplesInRange")).isEqualTo(inWindow).isGreaterThan(20);
        assertThat(chart.getList("points.testTimeS", Double.class)).hasSize((int) inWindow)
                .allSatisfy(s -> assertThat(s).isBetween(10.0, 40.0));
        assertThat(chart("100000", null, null).getLong("samplesInRange")).isZero();
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        given().queryParam("maxPoints", "5").get("/api/runs/" + id + "/samples").then().statusCode(400)
                .body("field", equalTo("maxPoints"))
                .body("error", equalTo("maxPoints is '5' but must be a whole number from 10 to 20000 (default 2000)"));
        given().queryParam("from", "x").get("/api/runs/" + id + "/samples").then().statusCode(400)
                .body("field", equalTo("from"));
        given().get("/api/runs/987654321/samples").then().statusCode(404)
                .body("error", equalTo("run 987654321 does not exist"));
    }

    private JsonPath chart(String from, String to, String maxPoints) {
        var request = given();
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        if (maxPoints != null) {
            request.queryParam("maxPoints", maxPoints);
        }
        return request.get("/api/runs/" + id + "/samples").then().statusCode(200).contentType(ContentType.JSON)
                .body("runId", equalTo((int) id)).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
