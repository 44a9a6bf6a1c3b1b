package org.no3rr.station.pi4j;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

/**
 * ch3's potentiostat DAC (0x63) comes with code 4095 in its EEPROM: the station starts, but ch3
 * may not connect a cell until its DAC is commissioned through the API.
 */
@QuarkusTest
@TestProfile(Pi4jProfile.class)
class Pi4jCommissioningTest extends AuthenticatedApiTest {

    @Inject
    FakePi4j fake;

    @Test
    void anUncommissionedDacFaultsItsChannelsRunUntilItsEepromHoldsTheSafeCode() {
        given().get("/api/channels/ch3/dacs").then().statusCode(200)
                .body("role", contains("current-source", "potential-control"))
                .body("chip", contains("MCP4725 on bus 1 at 0x62 (channel.ch3.dac.address)",
                        "MCP4725 on bus 1 at 0x63 (channel.ch3.potential.dac.address)"))
                .body("eepromCode", contains(2048, 4095))
                .body("safePowerUp", contains(true, false));

        long refused = startHold();
        awaitEnd(refused);
        given().get("/api/runs/" + refused).then().body("state", equalTo("FAULTED"))
                .body("endReason", equalTo("hardware failure: channel ch3 may not connect its cell: MCP4725 on bus 1 at"
                        + " 0x63 (channel.ch3.potential.dac.address): its EEPROM powers it up at code 4095 (NORMAL), not"
                        + " the safe code 2048 (NORMAL); commission it before the channel connects a cell"));

        // the fake reports RDY/BSY = 0 twice after the write: the answer comes once it reads 1
        given().post("/api/channels/ch3/dacs/potential-control/eeprom").then().statusCode(200)
                .body("eepromCode", equalTo(2048)).body("eepromPowerDown", equalTo("NORMAL"))
                .body("safePowerUp", equalTo(true)).body("ready", equalTo(true));
        given().post("/api/channels/ch3/dacs/heater/eeprom").then().statusCode(400)
                .body("field", equalTo("role"))
                .body("error", equalTo("'heater' is not a DAC of channel ch3; allowed: current-source, potential-control"));
        given().post("/api/channels/ch1/dacs/potential-control/eeprom").then().statusCode(400)
                .body("error", equalTo("'potential-control' is not a DAC of channel ch1; allowed: current-source"));

        long held = startHold();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> fake.pin("no3rr-relay-ch3-cell") == com.pi4j.io.gpio.digital.DigitalState.LOW);
        given().post("/api/runs/" + held + "/stop").then().statusCode(202);
        awaitEnd(held);
        given().get("/api/runs/" + held).then().body("state", equalTo("STOPPED"));
    }

    private static long startHold() {
        return given().contentType(ContentType.JSON)
                .body("{\"channel\": \"ch3\", \"protocol\": \"Hold at -0.5 V vs ref for 30 s\", \"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void awaitEnd(long id) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !List.of("RUNNING", "PAUSED", "CREATED", "QUEUED")
                        .contains(given().get("/api/runs/" + id).jsonPath().getString("state")));
    }
}
