package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.awaitility.Awaitility.await;

/**
 * No coulombic or energy efficiency, voltage gap, Faradaic efficiency or yield is made of noise:
 * a cycle without a discharge or a charge half, an electrolysis run, and a hold at the rest
 * potential give null or a 4xx that says why.
 */
@QuarkusTest
class NoRatioFromNoiseTest extends AuthenticatedApiTest {

    @Test
    void aCycleWithoutAChargeHalfHasNoEfficiencies() {
        JsonPath cycles = cycles(finished("ch1", "Repeat 2 times:\\n  Discharge at 1 mA for 1 min\\n  Rest for 1 min",
                "{\"areaCm2\": 1.0}"));

        assertThat(cycles.getList("$")).hasSize(2);
        assertThat(cycles.getString("[0].coulombicEfficiency")).isNull();
        assertThat(cycles.getString("[0].energyEfficiency")).isNull();
        assertThat(cycles.getString("[0].voltageGapV")).isNull();
        assertThat(cycles.getString("[0].chargeCapacityCoulombs")).isNull();
        assertThat(cycles.getDouble("[0].dischargeCapacityCoulombs")).isBetween(0.0599, 0.0601);
        assertThat(cycles.getDouble("[1].capacityRetentionPercent")).isBetween(99.0, 101.0);
    }

    @Test
    void aCycleWithoutADischargeHalfHasNoEfficiencies() {
        JsonPath cycles = cycles(finished("ch2", "Repeat 2 times:\\n  Charge at 1 mA for 1 min\\n  Rest for 1 min",
                "{\"areaCm2\": 1.0}"));

        assertThat(cycles.getString("[0].coulombicEfficiency")).isNull();
        assertThat(cycles.getString("[0].dischargeCapacityCoulombs")).isNull();
        assertThat(cycles.getString("[0].capacityRetentionPercent")).as("nothing to retain").isNull();
        assertThat(cycles.getDouble("[0].chargeCapacityCoulombs")).isBetween(0.0599, 0.0601);
    }

    @Test
    void anElectrolysisRunHasNoBatteryMetrics() {
        JsonPath cycles = cycles(finished("ch3", "Hold at -0.1 V vs RHE for 1 min",
                "{\"areaCm2\": 1.0, \"ph\": 7}"));

        assertThat(cycles.getString("[0].coulombicEfficiency")).isNull();
        assertThat(cycles.getString("[0].energyEfficiency")).isNull();
        assertThat(cycles.getString("[0].dischargeCapacityCoulombs")).isNull();
        assertThat(cycles.getDouble("[0].dischargeCoulombs")).as("its cathodic charge is still reported, C")
                .isGreaterThan(0.05);
    }

    @Test
    void aReadingForAHoldAtTheRestPotentialIsRefusedNamingItsChargeAndFloor() {
        // The simulated catalyst rests at +0.6 V vs RHE: a hold there passes only noise.
        long run = finished("ch4", "Hold at 0.6 V vs RHE for 1 min",
                "{\"areaCm2\": 1.0, \"ph\": 7, \"catholyteVolumeMl\": 40}");
        long calibration = given().contentType(ContentType.JSON).body("""
                {"name": "linear", "method": "INDOPHENOL_BLUE_NH3", "standardsMolPerL": [0, 1e-5, 2e-5],
                 "signals": [0.04, 0.12, 0.20]}""").post("/api/calibrations").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        given().contentType(ContentType.JSON)
                .body("{\"stepNumber\": 1, \"calibrationId\": " + calibration + ", \"signal\": 0.3}")
                .post("/api/runs/" + run + "/readings")
                .then().statusCode(400).body("field", equalTo("stepNumber"))
                .body("error", matchesPattern("step 1 passed \\S+ C of reducing charge, not above its floor of "
                        + "\\S+ C \\(the channel's current resolution × its 60\\.00 s\\): that is noise, and no "
                        + "Faradaic efficiency can be computed from it"));
        given().get("/api/runs/" + run + "/readings").then().statusCode(200).body("size()", equalTo(0));
    }

    private static long finished(String channel, String protocol, String cell) {
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"" + channel + "\", \"protocol\": \"" + protocol + "\", \"cell\": " + cell + "}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !List.of("RUNNING", "QUEUED").contains(given().get("/api/runs/" + id).jsonPath()
                        .getString("state")));
        JsonPath run = given().get("/api/runs/" + id).jsonPath();
        assertThat(run.getString("state")).as(run.getString("endReason")).isEqualTo("DONE");
        return id;
    }

    private static JsonPath cycles(long run) {
        return given().get("/api/runs/" + run + "/cycles").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
