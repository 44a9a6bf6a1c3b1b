package org.no3rr.station.pi4j;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.pi4j.io.gpio.digital.DigitalState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ads1115.Mux;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.channel.ChannelManager;

/** The guided two-point calibration through the API, on the fake chips: readings and outputs, live, bound to the board. */
@QuarkusTest
@TestProfile(Pi4jProfile.class)
class Pi4jCalibrationTest extends AuthenticatedApiTest {

    @Inject
    FakePi4j fake;

    @Inject
    ChannelManager channels;

    @Test
    void twoPointsOnCh3sPotentialGiveAStoredLineThatIsInForceAtOnce() {
        // AIN0–AIN1 at ±0.512 V through ÷6: 0.125 V at the pins is code 8000 and reads 0.75 V, −0.25 V reads −1.5 V
        fake.adc(0x4A).input(Mux.AIN0_AIN1, 0.125);
        point("ch3", "potential", "{\"trueValue\": 0.76}").statusCode(200)
                .body("pendingPoints.nominal", contains(0.75f))
                .body("next", startsWith("a second point far from the first: apply a known potential"));
        fake.adc(0x4A).input(Mux.AIN0_AIN1, -0.25);
        point("ch3", "potential", "{\"trueValue\": -1.5125}").statusCode(200)
                .body("pendingPoints.trueValue", contains(0.76f, -1.5125f));

        JsonPath applied = given().post("/api/channels/ch3/calibration/potential/apply")
                .then().statusCode(200).extract().jsonPath();

        // gain = (−1.5125 − 0.76) / (−1.5 − 0.75) = 1.01; offset = 0.76 − 1.01 × 0.75 = 0.0025
        assertThat(applied.getDouble("stored.gain")).isCloseTo(1.01, within(1e-12));
        assertThat(applied.getDouble("stored.offset")).isCloseTo(0.0025, within(1e-12));
        assertThat(applied.getString("stored.boardId")).isEqualTo("no3rr-ref-0001");
        assertThat(applied.getList("stored.points.nominal", Float.class)).containsExactly(0.75f, -1.5f);
        assertThat(applied.getDouble("active.gain")).as("in force at once").isCloseTo(1.01, within(1e-12));
        assertThat(applied.getList("pendingPoints")).isEmpty();
        fake.adc(0x4A).input(Mux.AIN0_AIN1, 0.125);
        assertThat(channels.channel("ch3").orElseThrow().hardware().measure(0).workingElectrodePotential())
                .as("the next reading carries it, no restart").isCloseTo(0.76, within(1e-12));
        given().get("/api/channels/ch3/calibration").then().statusCode(200)
                .body("backend", equalTo("pi4j"))
                .body("boardId", equalTo("no3rr-ref-0001"))
                .body("paths.path", contains("voltage", "current", "potential", "current-source", "potential-control"))
                .body("paths.output", contains(false, false, false, true, true))
                .body("paths[2].stored.gain", equalTo(applied.getFloat("stored.gain")));

        given().delete("/api/channels/ch3/calibration/potential").then().statusCode(200)
                .body("stored.gain", equalTo(1.0f)).body("stored.offset", equalTo(0.0f))
                .body("stored.points", empty())
                .body("active.gain", equalTo(1.0f));
    }

    @Test
    void aCalibrationStoredForThisBoardIsInForceFromStartOneOfAnotherBoardIsNot() {
        given().get("/api/channels/ch4/calibration").then().statusCode(200)
                .body("paths[0].path", equalTo("voltage"))
                .body("paths[0].active.gain", equalTo(1.01f)).body("paths[0].active.offset", equalTo(-0.005f))
                .body("paths[0].recalibrationNeeded", equalTo(false))
                .body("paths[1].path", equalTo("current"))
                .body("paths[1].active.gain", equalTo(1.0f))
                .body("paths[1].stored", nullValue())
                .body("paths[1].recalibrationNeeded", equalTo(true))
                .body("paths[1].next", startsWith("the stored calibration of current was measured on board no3rr-ref-0000,"
                        + " this is board no3rr-ref-0001, so it is not used: calibrate again."))
                .body("paths[2].stored", nullValue());
        // AIN0–AIN3 at ±2.048 V through ÷6: 0.25 V at the pins is 1.5 V
        fake.adc(0x4B).input(Mux.AIN0_AIN3, 0.25);

        JsonPath recorded = point("ch4", "voltage", "{\"trueValue\": 1.5}").statusCode(200).extract().jsonPath();

        assertThat(recorded.getDouble("pendingPoints[0].nominal")).as("(1.01 × 1.5 − 0.005 + 0.005) / 1.01")
                .isCloseTo(1.5, within(1e-12));
        given().delete("/api/channels/ch4/calibration/voltage/points").then().statusCode(200)
                .body("pendingPoints", empty());
    }

    @Test
    void theCurrentSourceIsCalibratedAgainstWhatTheChannelMeasuresAndItsNextSetpointUsesTheLine() {
        // A dummy load on ch1 whose current is 0.98 × the nominal command + 0.2 mA, read by the INA226 over 1 Ω.
        fake.ina(0x40).shuntFollows(() -> 0.98 * (fake.dac(0x60).code() - 2048) * 5.0 / 4096 * 0.025 + 0.0002);
        try {
            // −40 mA: code 737, nominal −1311 × 30.52 µA = −40.0085 mA, true −39.0084 mA, read −15603 × 2.5 µA
            point("ch1", "current-source", "{\"commanded\": -0.04}").statusCode(200)
                    .body("output", equalTo(true))
                    .body("pendingPoints[0].nominal", equalTo(-0.04f))
                    .body("pendingPoints[0].trueValue", equalTo(-0.0390075f));
            // +40 mA: code 3359, nominal +40.0085 mA, true 39.4084 mA, read 15763 × 2.5 µA
            point("ch1", "current-source", "{\"commanded\": 0.04}").statusCode(200)
                    .body("pendingPoints[1].trueValue", equalTo(0.0394075f));

            JsonPath applied = given().post("/api/channels/ch1/calibration/current-source/apply")
                    .then().statusCode(200).extract().jsonPath();

            // gain = (0.0394075 + 0.0390075) / 0.08 = 0.9801875; offset = 0.0394075 − 0.9801875 × 0.04 = 0.0002
            assertThat(applied.getDouble("active.gain")).isCloseTo(0.9801875, within(1e-12));
            assertThat(applied.getDouble("active.offset")).isCloseTo(0.0002, within(1e-12));
            fake.dac(0x60).clearLog();
            point("ch1", "current", "{\"trueValue\": -0.02, \"driveCurrentA\": -0.02}").statusCode(200);
            // −20 mA now commands (−0.02 − 0.0002) / 0.9801875 = −20.608 mA: 2048 − 675.29 → 1373 = 0x55D
            assertThat(fake.dac(0x60).writes()).contains("W 055D");
        } finally {
            fake.ina(0x40).shuntFollows(null);
            given().delete("/api/channels/ch1/calibration/current/points").then().statusCode(200);
            given().delete("/api/channels/ch1/calibration/current-source").then().statusCode(200);
        }
    }

    @Test
    void theCurrentPathCanBeReadWhileTheStationDrivesAKnownCurrentThenTheChannelIsSafe() {
        fake.ina(0x41).shuntVolts(-0.0101);
        fake.dac(0x61).clearLog();

        point("ch2", "current", "{\"trueValue\": -0.0101, \"driveCurrentA\": -0.01}").statusCode(200)
                .body("pendingPoints[0].driveCurrentA", equalTo(-0.01f))
                .body("pendingPoints[0].nominal", equalTo(-0.0101f));

        assertThat(fake.dac(0x61).writes()).as("0 A before the relay closes, −10 mA (0x6B8) for the reading, then 0 A")
                .containsExactly("W 0800", "W 06B8", "W 0800");
        assertThat(fake.pin("no3rr-relay-ch2-cell")).isEqualTo(DigitalState.HIGH);
        given().delete("/api/channels/ch2/calibration/current/points").then().statusCode(200);
    }

    @Test
    void requestsOutsideTheProcedureAreRefusedNamingWhatIsAllowed() {
        point("ch1", "potential", "{\"trueValue\": 1.0}").statusCode(400).body("field", equalTo("path"))
                .body("error", equalTo("path 'potential' is not a calibrated path of channel ch1 (zn-nitrate-battery);"
                        + " allowed: voltage, current, current-source"));
        point("ch2", "voltage", "{}").statusCode(400).body("field", equalTo("trueValue"));
        point("ch2", "voltage", "{\"trueValue\": 1.0, \"driveCurrentA\": 0.01}").statusCode(400)
                .body("field", equalTo("driveCurrentA"));
        point("ch2", "voltage", "{\"trueValue\": 1.0, \"commanded\": 0.01}").statusCode(400)
                .body("field", equalTo("commanded"));
        point("ch2", "current-source", "{\"trueValue\": 0.01}").statusCode(400)
                .body("field", equalTo("commanded"))
                .body("error", startsWith("commanded is required, a finite number in A"));
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
