package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** {@code /polarization} and {@code /steps} of finished runs. */
@QuarkusTest
class PolarizationApiTest extends AuthenticatedApiTest {

    private static final String CELL = "{\"areaCm2\": 1.0, \"znMassG\": 0.05}";

    @Test
    void aPolarizeRunGivesItsPointsAndAPeakBracketedByThem() {
        long id = finishedRun("Polarize from 0 to 20 mA/cm2 in steps of 2 mA/cm2, 10 s each, until 0.2 V");

        JsonPath curve = given().get("/api/runs/" + id + "/polarization").then().statusCode(200).extract()
                .jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        List<Map<String, Double>> points = curve.getList("points");
        assertThat(points).hasSizeGreaterThanOrEqualTo(3);
        int best = 0;
        for (int i = 0; i < points.size(); i++) {
            Map<String, Double> p = points.get(i);
            assertThat(p.get("powerDensityMwPerCm2")).as("P = V·j at point %d", i)
                    .isEqualTo(p.get("voltageV") * p.get("currentDensityMaPerCm2"));
            if (i > 0) {
                assertThat(p.get("currentDensityMaPerCm2")).isGreaterThan(points.get(i - 1).get("currentDensityMaPerCm2"));
            }
            if (p.get("powerDensityMwPerCm2") > points.get(best).get("powerDensityMwPerCm2")) {
                best = i;
            }
        }
        double peakPower = curve.getDouble("peak.powerDensityMwPerCm2");
        double peakCurrent = curve.getDouble("peak.currentDensityMaPerCm2");
        for (Map<String, Double> p : points) {
            assertThat(peakPower).isGreaterThanOrEqualTo(p.get("powerDensityMwPerCm2"));
        }
        boolean interior = best > 0 && best < points.size() - 1;
        assertThat(curve.getBoolean("peak.interpolated")).isEqualTo(interior);
        double below = points.get(Math.max(0, best - 1)).get("currentDensityMaPerCm2");
        double above = points.get(Math.min(points.size() - 1, best + 1)).get("currentDensityMaPerCm2");
        assertThat(peakCurrent).isBetween(below, above);
        assertThat(curve.getDouble("peak.voltageV")).isEqualTo(peakPower / peakCurrent);

        JsonPath steps = given().get("/api/runs/" + id + "/steps").then().statusCode(200).extract().jsonPath();
        assertThat(steps.getList("stepNumber", Integer.class)).containsExactly(1);
        assertThat(steps.getString("[0].kind")).as("what the protocol says").isEqualTo("polarization");
    }

    @Test
    void stepsAreNumberedInOrderAndARunWithoutPolarizeHasNoCurve() {
        long id = finishedRun("Repeat 3 times:\\n  Discharge at 2 mA/cm2 for 1 min\\n  Charge at 2 mA/cm2 for 1 min");

        JsonPath steps = given().get("/api/runs/" + id + "/steps").then().statusCode(200).extract()
                .jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        assertThat(steps.getList("stepNumber", Integer.class)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 6).boxed().toList());
        assertThat(steps.getList("kind", String.class))
                .containsExactly("discharge", "charge", "discharge", "charge", "discharge", "charge");
        assertThat(steps.getList("cycle", Integer.class)).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(steps.getDouble("[0].dischargeMah")).isEqualTo(steps.getDouble("[0].dischargeCoulombs") / 3.6);
        assertThat(steps.getDouble("[0].durationS")).isEqualTo(60.0);
        assertThat(steps.getDouble("[0].meanCurrentDensityMaPerCm2")).isEqualTo(steps.getDouble("[0].meanCurrentA") * 1000);
        assertThat(steps.getString("[0].startTime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(steps.get("[0].meanChargeVoltageV") == null).as("no charge in a discharge: null, not NaN").isTrue();

        given().get("/api/runs/" + id + "/polarization").then().statusCode(409)
                .body("error", equalTo("run " + id + " has no polarization data yet"));
    }

    private long finishedRun(String protocol) {
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"ch2\", \"protocol\": \"" + protocol + "\", \"cell\": " + CELL + "}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/api/runs/" + id).jsonPath().getString("state").equals("DONE"));
        return id;
    }
}
