package org.no3rr.station.pi4j;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.pi4j.io.gpio.digital.DigitalState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ads1115.Mux;
import org.no3rr.station.AuthenticatedApiTest;

/** The guided two-point calibration through the API, on the fake chips. */
@QuarkusTest
@TestProfile(Pi4jProfile.class)
class Pi4jCalibrationTest extends AuthenticatedApiTest {

    @Inject
    FakePi4j fake;

    @Test
    void twoPointsOnCh3sPotentialGiveAStoredLineThatAppliesFromTheNextStart() {
        // AIN0–AIN1 at ±4.096 V: 0.5 V is code 4000 and reads 0.5 V exactly, −1.5 V is −12000
        fake.adc(0x4A).input(Mux.AIN0_AIN1, 0.5);
        point("ch3", "potential", "{\"trueValue\": 0.51}").statusCode(200)
                .body("pendingPoints.nominal", contains(0.5f))
                .body("next", equalTo("apply a second known potential far from the first and POST .../points again"));
        fake.adc(0x4A).input(Mux.AIN0_AIN1, -1.5);
        point("ch3", "potential", "{\"trueValue\": -1.52}").statusCode(200)
                .body("pendingPoints.trueValue", contains(0.51f, -1.52f));

        JsonPath applied = given().post("/api/channels/ch3/calibration/potential/apply")
                .then().statusCode(200).extract().jsonPath();

        // gain = (−1.52 − 0.51) / (−1.5 − 0.5) = 1.015; offset = 0.51 − 1.015 × 0.5 = 0.0025
        assertThat(applied.getDouble("stored.gain")).isCloseTo(1.015, within(1e-12));
        assertThat(applied.getDouble("stored.offset")).isCloseTo(0.0025, within(1e-12));
        assertThat(applied.getList("stored.points.nominal", Float.class)).containsExactly(0.5f, -1.5f);
        assertThat(applied.getDouble("active.gain")).as("readings keep the line the rig opened with").isEqualTo(1.0);
        assertThat(applied.getBoolean("restartNeeded")).isTrue();
        assertThat(applied.getList("pendingPoints")).isEmpty();
        assertThat(applied.getString("next"))
                .isEqualTo("restart the station to apply the stored calibration: calibrations are fixed when the rig opens");
        given().get("/api/channels/ch3/calibration").then().statusCode(200)
                .body("backend", equalTo("pi4j"))
                .body("paths.path", contains("voltage", "current", "potential"))
                .body("paths[2].stored.gain", equalTo(applied.getFloat("stored.gain")));

        given().delete("/api/channels/ch3/calibration/potential").then().statusCode(200)
                .body("stored.gain", equalTo(1.0f)).body("stored.offset", equalTo(0.0f))
                .body("stored.points", empty())
                .body("restartNeeded", equalTo(false));
    }

    @Test
    void aStoredCalibrationIsInForceFromStartAndPointsRecordTheNominalReading() {
        given().get("/api/channels/ch4/calibration").then().statusCode(200)
                .body("paths[0].path", equalTo("voltage"))
                .body("paths[0].active.gain", equalTo(1.01f)).body("paths[0].active.offset", equalTo(-0.005f))
                .body("paths[0].restartNeeded", equalTo(false))
                .body("paths[2].stored", nullValue());
        fake.adc(0x4B).input(Mux.AIN0_AIN3, 1.5);

        JsonPath recorded = point("ch4", "voltage", "{\"trueValue\": 1.5}").statusCode(200).extract().jsonPath();

        assertThat(recorded.getDouble("pendingPoints[0].nominal")).as("(1.01 × 1.5 − 0.005 + 0.005) / 1.01")
                .isCloseTo(1.5, within(1e-12));
        given().delete("/api/channels/ch4/calibration/voltage/points").then().statusCode(200)
                .body("pendingPoints", empty());
    }

    @Test
    void theCurrentPathCanBeReadWhileTheStationDrivesAKnownCurrentThenTheChannelIsSafe() {
        fake.adc(0x48).input(Mux.AIN0_AIN1, 1.5).input(Mux.AIN2_AIN3, -0.5);
        fake.dac(0x60).clearLog();

        point("ch1", "current", "{\"trueValue\": -0.0101, \"driveCurrentA\": -0.01}").statusCode(200)
                .body("pendingPoints[0].driveCurrentA", equalTo(-0.01f));

        assertThat(fake.dac(0x60).writes()).as("−10 mA (0x6B8) for the reading, then 0 A").containsExactly("W 06B8", "W 0800");
        assertThat(fake.pin("no3rr-relay-ch1-cell")).isEqualTo(DigitalState.HIGH);
        given().delete("/api/channels/ch1/calibration/current/points").then().statusCode(200);
    }

    @Test
    void requestsOutsideTheProcedureAreRefusedNamingWhatIsAllowed() {
        point("ch1", "potential", "{\"trueValue\": 1.0}").statusCode(400).body("field", equalTo("path"))
                .body("error", equalTo("path 'potential' is not an analog path of channel ch1 (zn-nitrate-battery);"
                        + " allowed: voltage, current"));
        point("ch2", "voltage", "{}").statusCode(400).body("field", equalTo("trueValue"));
        point("ch2", "voltage", "{\"trueValue\": 1.0, \"driveCurrentA\": 0.01}").statusCode(400)
                .body("field", equalTo("driveCurrentA"));
        point("ch2", "current", "{\"trueValue\": 0.2, \"driveCurrentA\": 0.2}").statusCode(400)
                .body("error", equalTo("current setpoint 0.2 A is outside the source's range -0.05 A to 0.05 A"));
        point("ch9", "voltage", "{\"trueValue\": 1.0}").statusCode(404)
                .body("error", equalTo("channel 'ch9' does not exist; channels are [ch1, ch2, ch3, ch4]"));
        given().post("/api/channels/ch2/calibration/voltage/apply").then().statusCode(409)
                .body("error", equalTo("ch2.voltage has 0 of 2 points; POST .../points {\"trueValue\": …} at two levels"
                        + " far apart, e.g. 10 % and 90 % of the range"));
    }

    private static io.restassured.response.ValidatableResponse point(String channel, String path, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/channels/" + channel + "/calibration/" + path + "/points").then();
    }
}
