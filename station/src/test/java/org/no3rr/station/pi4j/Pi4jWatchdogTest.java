package org.no3rr.station.pi4j;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.pi4j.io.gpio.digital.DigitalState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ads1115.Mux;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.hardware.HardwareBackend;
import org.no3rr.station.hardware.Pi4jStationBackend;

/**
 * The watchdog watches control, with an injected stall: ch1's runner blocks inside an I2C transfer
 * (its bus hangs), as a runner stuck in the kernel or in a deadlock would. The profile reads every
 * 500 ms; with N = 3 and the 1 s floor a loop may go 3 s without a reading.
 */
@QuarkusTest
@TestProfile(Pi4jProfile.class)
class Pi4jWatchdogTest extends AuthenticatedApiTest {

    @Inject
    FakePi4j fake;

    @Inject
    HardwareBackend backend;

    @Test
    void aStalledRunnerStopsTheHeartbeatWithinThreeIntervalsIsPutSafeRelayFirstAndItsRunFaults() {
        Pi4jStationBackend pi4j = (Pi4jStationBackend) backend;
        fake.adc(0x48).input(Mux.AIN0_AIN1, 0.25);
        fake.ina(0x40).shuntVolts(-0.01);
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"ch1\", \"protocol\": \"Discharge at 10 mA for 60 s\", \"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> fake.pin("no3rr-relay-ch1-cell") == DigitalState.LOW);

        fake.chips().fault(1).hang();
        try {
            // 3 s since the last reading (at most 500 ms before the hang), the 100 ms check, and slack for a busy machine
            await().atMost(Duration.ofMillis(3000 + 100 + 1400)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "FAULTED".equals(given().get("/api/runs/" + id).jsonPath().getString("state")));

            assertThat(fake.pin("no3rr-relay-ch1-cell")).as("opened by the watch while the runner is still stuck")
                    .isEqualTo(DigitalState.HIGH);
            assertThat(fake.dac(0x60).code()).as("its 0 A waits for the hung bus").isEqualTo(0x6B8);
            long edges = pi4j.heartbeatEdges().orElseThrow();
            await().during(Duration.ofMillis(750)).atMost(Duration.ofSeconds(2))
                    .until(() -> pi4j.heartbeatEdges().orElseThrow() == edges);
            given().get("/api/runs/" + id).then().body("endReason",
                    org.hamcrest.Matchers.startsWith("control loop of channel ch1 stalled: no reading completed for"));
            given().get("/api/runs/" + id + "/events").then().body("kind", hasItem("FAULT"));
        } finally {
            fake.chips().fault(1).release();
        }

        long stopped = pi4j.heartbeatEdges().orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> pi4j.heartbeatEdges().orElseThrow() > stopped + 1);
        assertThat(fake.dac(0x60).code()).as("the queued 0 A was written once the bus was free").isEqualTo(0x800);
        // The runner that woke up found its run already faulted by the watch: it adds nothing of its own.
        given().get("/api/runs/" + id).then().body("state", org.hamcrest.Matchers.equalTo("FAULTED"))
                .body("endReason", org.hamcrest.Matchers.startsWith("control loop of channel ch1 stalled"));
        given().get("/api/runs/" + id + "/events").then()
                .body("findAll { it.kind == 'FAULT' }.message", org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.startsWith("control loop of channel ch1 stalled")));
    }
}
