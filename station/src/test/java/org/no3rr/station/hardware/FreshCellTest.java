package org.no3rr.station.hardware;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.sim.CellSnapshot;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.config.StationConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /api/channels/{id}/fresh-cell}: a drained simulated cell is replaced by a fresh one of the
 * same make, kept at once in its file; refused while a run is on the channel, and for a channel that
 * does not exist.
 */
@QuarkusTest
class FreshCellTest extends AuthenticatedApiTest {

    @Inject
    HardwareBackend backend;

    @Inject
    StationConfig config;

    @Inject
    ChannelManager channels;

    @Test
    void aDrainedCellIsReplacedByAFreshOneOfTheSameMakeKeptAtOnce() throws Exception {
        // Earlier tests may have left ch2 with a drained cell of this make: start from a fresh one.
        await().atMost(Duration.ofSeconds(10)).until(() -> !channels.isBusy("ch2"));
        given().post("/api/channels/ch2/fresh-cell").then().statusCode(200);
        long drained = start("ch2", "Discharge at 5 mA for 30 min");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !List.of("RUNNING", "QUEUED", "PAUSED").contains(state(drained)));
        assertThat(state(drained)).isEqualTo("DONE");
        // 30 min at 5 mA: 9 C of the 18 C a fresh cell holds
        assertThat(battery().stateOfCharge()).isLessThan(0.51);

        given().post("/api/channels/ch2/fresh-cell").then().statusCode(200)
                .body("channel", equalTo("ch2")).body("model", equalTo("zn-nitrate-battery"))
                .body("message", equalTo("a fresh cell is mounted on ch2; the next run starts on it"));

        assertThat(battery().stateOfCharge()).isEqualTo(1.0);
        SimulatedCellFiles files = new SimulatedCellFiles(Path.of(config.dataDir()).resolve("simulator"));
        assertThat(CellSnapshot.decode(files.read("ch2").orElseThrow()).state()).as("kept for a restart")
                .isEqualTo(battery().state());
    }

    @Test
    void aChannelWithARunOnItOrThatDoesNotExistIsRefused() {
        long running = start("ch4", "Rest for 1 h");
        try {
            given().post("/api/channels/ch4/fresh-cell").then().statusCode(409).body("error", equalTo("channel ch4 is "
                    + "busy with run " + running + "; a fresh cell is mounted between runs: stop the run or wait "
                    + "until it ends"));
        } finally {
            given().post("/api/runs/" + running + "/stop").then().statusCode(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> !channels.isBusy("ch4")); // free for other tests
        }
        given().post("/api/channels/ch9/fresh-cell").then().statusCode(404)
                .body("error", equalTo("channel 'ch9' does not exist; channels are [ch1, ch2, ch3, ch4]"));
    }

    private static String state(long run) {
        return given().get("/api/runs/" + run).jsonPath().getString("state");
    }

    private BatteryModel battery() {
        return (BatteryModel) ((SimulatedBackend) backend).simulatedChannel("ch2").orElseThrow().model();
    }

    private static long start(String channel, String protocol) {
        return given().contentType(ContentType.JSON)
                .body("{\"channel\": \"" + channel + "\", \"protocol\": \"" + protocol + "\", \"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
