package org.no3rr.station.pi4j;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.pi4j.io.gpio.digital.DigitalState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ads1115.Mux;
import org.no3rr.station.AuthenticatedApiTest;

/**
 * Runs through the real drivers on the fake chips, in real time: the register writes a short
 * discharge makes, and a chip that stops answering mid-run.
 */
@QuarkusTest
@TestProfile(Pi4jProfile.class)
class Pi4jRunTest extends AuthenticatedApiTest {

    /** ch1, ch2: AIN0–AIN1 is the cell through a ÷6 attenuator (1.5 V is 0.25 V); the INA226 across 1 Ω. */
    private static final double CELL_VOLTS_AT_PINS = 0.25;
    private static final double SHUNT_VOLTS_AT_MINUS_10_MA = -0.01;

    @Inject
    FakePi4j fake;

    @Test
    void aShortDischargeOnCh1MakesExactlyTheExpectedRegisterWrites() {
        fake.adc(0x48).input(Mux.AIN0_AIN1, CELL_VOLTS_AT_PINS).clearLog();
        fake.ina(0x40).shuntVolts(SHUNT_VOLTS_AT_MINUS_10_MA);
        fake.dac(0x60).clearLog();

        long id = startDischarge("ch1");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> fake.pin("no3rr-relay-ch1-cell") == DigitalState.LOW);
        given().contentType(ContentType.JSON).body("{\"trueValue\": 1.0}")
                .post("/api/channels/ch1/calibration/voltage/points")
                .then().statusCode(409)
                .body("error", equalTo("channel ch1 is busy with run " + id + "; calibrate it when no run is active"));
        awaitEnd(id, "DONE");

        // 0 A before the relay closes; −10 mA: 2048 + (−0.01 A / 0.025 A/V) × 4096 / 5 V = 1720.32 → 1720 = 0x6B8;
        // then 0 A = mid-scale, written by the engine's safe-state command at the protocol's end and by the
        // runner as its thread ends
        assertThat(fake.dac(0x60).writes()).containsExactly("W 0800", "W 06B8", "W 0800", "W 0800");
        List<String> adcWrites = fake.adc(0x48).writes();
        // single-shot conversions at 128 SPS: the cell AIN0_AIN1 at ±0.512 V (0x8983), then the thermistor
        // AIN2_GND at ±4.096 V (0xE383)
        int readings = adcWrites.size() / 2;
        assertThat(readings).as("readings every 500 ms over 2 s").isBetween(4, 8);
        assertThat(adcWrites).isEqualTo(repeat(List.of("W 01 8983", "W 01 E383"), readings));
        assertThat(fake.pin("no3rr-relay-ch1-cell")).as("open again").isEqualTo(DigitalState.HIGH);
        given().get("/api/runs/" + id).then().body("endReason", equalTo("protocol completed"));
    }

    @Test
    void aReadThatFailsOnceIsRetriedAndTheRunGoesOn() {
        FlakyAds1115 adc = fake.flakyCh2Adc();
        adc.chip().input(Mux.AIN0_AIN1, CELL_VOLTS_AT_PINS);
        fake.ina(0x41).shuntVolts(SHUNT_VOLTS_AT_MINUS_10_MA);
        adc.resetCount();
        adc.failNext(1);

        long id = startDischarge("ch2");
        awaitEnd(id, "DONE");

        assertThat(adc.failedTransfers()).isEqualTo(1);
    }

    @Test
    void aChipThatStopsAnsweringIsTriedThreeTimesTwiceThenTheRunFaultsNamingItAndTheChannelIsSafe() {
        FlakyAds1115 adc = fake.flakyCh2Adc();
        adc.chip().input(Mux.AIN0_AIN1, CELL_VOLTS_AT_PINS);
        fake.ina(0x41).shuntVolts(SHUNT_VOLTS_AT_MINUS_10_MA);
        adc.resetCount();
        adc.failEvery();
        try {
            long id = startDischarge("ch2");
            awaitEnd(id, "FAULTED");

            given().get("/api/runs/" + id).then().body("endReason", equalTo("hardware failure: cell voltage: ADS1115 on bus 1"
                    + " at 0x49: writing register 0x01 failed: Remote I/O error (no ACK from 0x49) (3 tries, bus recovered once)"));
            assertThat(adc.failedTransfers()).as("the bus's three tries, for the read and the runner's one retry").isEqualTo(6);
            assertThat(fake.dac(0x61).code()).as("ch2's current source at mid-scale, 0 A").isEqualTo(0x800);
            assertThat(fake.pin("no3rr-relay-ch2-cell")).as("ch2's relay open (active-low)").isEqualTo(DigitalState.HIGH);
        } finally {
            adc.heal();
        }
    }

    private static long startDischarge(String channel) {
        return given().contentType(ContentType.JSON)
                .body("{\"channel\": \"" + channel + "\", \"protocol\": \"Discharge at 10 mA for 2 s\", \"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static void awaitEnd(long id, String state) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !List.of("RUNNING", "PAUSED").contains(given().get("/api/runs/" + id).jsonPath().getString("state")));
        given().get("/api/runs/" + id).then().body("state", equalTo(state));
    }

    private static List<String> repeat(List<String> pair, int times) {
        return Collections.nCopies(times, pair).stream().flatMap(List::stream).toList();
    }
}
