package org.no3rr.station.pi4j;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.pi4j.io.gpio.digital.DigitalState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.hardware.HardwareBackend;
import org.no3rr.station.hardware.Pi4jStationBackend;

/** The station starts on the Pi4J backend from the example board file, everything safe first. */
@QuarkusTest
@TestProfile(Pi4jProfile.class)
class Pi4jStartTest extends AuthenticatedApiTest {

    @Inject
    FakePi4j fake;

    @Inject
    HardwareBackend backend;

    @Inject
    ChannelManager channels;

    @Test
    void theChannelsAreTheBoardFilesWithTheirRatings() {
        given().get("/api/channels").then().statusCode(200)
                .body("id", contains("ch1", "ch2", "ch3", "ch4"))
                .body("model", contains("zn-nitrate-battery", "zn-nitrate-battery", "h-cell", "h-cell"))
                .body("cellKind", contains("ZN_NITRATE_BATTERY", "ZN_NITRATE_BATTERY", "H_CELL_ELECTROLYSIS", "H_CELL_ELECTROLYSIS"))
                .body("[0].ratings.maxCurrentA", equalTo(0.05f))
                .body("[0].ratings.maxVoltageV", equalTo(2.6f))
                .body("[2].ratings.maxCurrentA", equalTo(0.1f))
                .body("[2].ratings.minVoltageV", equalTo(-3.0f));
        assertThat(backend.name()).isEqualTo("pi4j");
    }

    /**
     * ch4 is touched by no other test, so its chips still show the whole start: the self-test's
     * read, the driver's mid-scale and the current source's 0 A (each read back; the potentiostat's
     * release on the setpoint DAC is not), then the station's own safe state before anything else ran.
     * (A calibration test may read ch4 later: a reading checks the DACs with a read, no write.)
     */
    @Test
    void aFreshCellIsTheSimulatorsAlone() {
        given().post("/api/channels/ch1/fresh-cell").then().statusCode(409).body("error", equalTo("channel ch1 is "
                + "real hardware (backend 'pi4j'): a new cell is mounted by hand, on the bench"));
    }

    @Test
    void everyChannelWasPutInItsSafeStateAtStartAfterTheRigOpened() {
        assertThat(fake.dac(0x64).log()).as("ch4 current DAC: self-test read, driver, current source, station")
                .startsWith("R C080000800", "W 0800", "R C080000800", "W 0800", "R C080000800", "W 0800");
        assertThat(fake.dac(0x64).writes()).hasSize(3);
        assertThat(fake.dac(0x65).log()).as("ch4 setpoint DAC: self-test read, driver, potentiostat, station")
                .startsWith("R C080000800", "W 0800", "R C080000800", "W 0800", "W 0800");
        assertThat(fake.dac(0x65).writes()).hasSize(3);
        for (String relay : List.of("ch1-cell", "ch2-cell", "ch3-cell", "ch3-mode", "ch4-cell", "ch4-mode")) {
            assertThat(fake.pin("no3rr-relay-" + relay)).as(relay + " is active-low: open is HIGH").isEqualTo(DigitalState.HIGH);
        }
        assertThat(channels.channels()).allSatisfy(c -> assertThat(c.hardware().relay().isConnected()).isFalse());
    }

    @Test
    void theWatchdogHeartbeatTogglesOnItsOwnThread() {
        Pi4jStationBackend pi4j = (Pi4jStationBackend) backend;
        long before = pi4j.heartbeatEdges().orElseThrow();

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> pi4j.heartbeatEdges().orElseThrow() >= before + 2);

        assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(t -> {
            assertThat(t.getName()).isEqualTo("watchdog-heartbeat");
            assertThat(t.isDaemon()).isTrue();
        });
    }

    @Test
    void eachChannelsSnapshotHoldsItsBoardEntriesAndCalibrations() {
        Map<String, Object> snapshot = channels.channel("ch4").orElseThrow().snapshot();

        assertThat(snapshot).containsEntry("backend", "pi4j").containsEntry("channel", "ch4")
                .containsEntry("model", "h-cell").containsEntry("board", "NO3RR reference rig (2 batteries + 2 H-cells)")
                .containsEntry("boardId", "no3rr-ref-0001")
                .containsEntry("temperature", "thermistor on ADS1115 bus 1 at 0x4B, AIN2_GND")
                .containsEntry("boardFile", Pi4jProfile.BOARD_FILE.toString());
        assertThat(snapshot.get("boardFileSha256").toString()).hasSize(64);
        @SuppressWarnings("unchecked")
        Map<String, String> entries = (Map<String, String>) snapshot.get("boardEntries");
        assertThat(entries).containsEntry("channel.ch4.adc.address", "0x4B")
                .containsEntry("channel.ch4.potential.dac.address", "0x65")
                .hasSize(27)
                .allSatisfy((key, value) -> assertThat(key).startsWith("channel.ch4."));
        assertThat(snapshot.get("calibration")).as("ch4's current was calibrated on another board: not in force")
                .isEqualTo(Map.of(
                        "voltage", Map.of("gain", 1.01, "offset", -0.005),
                        "current", Map.of("gain", 1.0, "offset", 0.0),
                        "potential", Map.of("gain", 1.0, "offset", 0.0),
                        "current-source", Map.of("gain", 1.0, "offset", 0.0),
                        "potential-control", Map.of("gain", 1.0, "offset", 0.0)));
    }
}
