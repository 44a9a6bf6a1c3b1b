package org.no3rr.station.lab.instance;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.lab.LabInstanceProfile;
import org.no3rr.station.lab.MosquittoBroker;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The lab instance follows a real Mosquitto: what stations publish on their topics (here with mosquitto_pub,
 * in the contract's payloads) shows under /api/lab/stations; a Last Will marks a station offline; after the
 * broker restarts the lab subscribes again and hears the stations' republished topics.
 */
@QuarkusTest
@TestProfile(LabInstanceProfile.class)
class LabStationsTest extends AuthenticatedApiTest {

    static final String STATUS = "{\"stationId\":\"%s\",\"state\":\"online\",\"version\":\"0.1.0\",\"pageUrl\":null,"
            + "\"channels\":[\"ch1\"],\"unixTimeS\":1764900000.125}";
    static final String CHANNEL = "{\"stationId\":\"%s\",\"channelId\":\"ch1\",\"cellKind\":\"zn-nitrate-battery\","
            + "\"state\":\"RUNNING\",\"runId\":17,\"globalRunId\":\"%s/17\",\"stepNumber\":2,\"stepLine\":2,"
            + "\"stepKind\":\"discharge\",\"stepText\":\"Discharge at 5 mA/cm2 for 20 min\",\"cycle\":1,"
            + "\"stepTimeS\":12.5,\"testTimeS\":132.5,\"prompt\":null,\"lastReading\":{\"unixTimeS\":1764900000.0,"
            + "\"voltageV\":1.4215,\"currentA\":-0.005,\"wePotentialV\":null,\"temperatureC\":null},"
            + "\"unixTimeS\":1764900000.125}";

    private static MosquittoBroker broker() {
        return LabInstanceProfile.BrokerResource.broker();
    }

    @Test
    void whatStationsPublishShowsWithTheirChannelsAndALastWillMarksOneOffline() {
        broker().publish("no3rr/bench-a/status", STATUS.formatted("bench-a"), true);
        broker().publish("no3rr/bench-a/channels/ch1", CHANNEL.formatted("bench-a", "bench-a"), true);
        broker().publish("no3rr/bench-a/events", "{\"stationId\":\"bench-a\",\"channelId\":\"ch1\",\"runId\":17,"
                + "\"globalRunId\":\"bench-a/17\",\"type\":\"STEP_STARTED\",\"message\":\"step 2\","
                + "\"unixTimeS\":1764900000.125,\"runUrl\":null}", false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/lab/stations").then()
                .statusCode(200).body("broker", equalTo("connected"))
                .body("stations.find { it.stationId == 'bench-a' }.state", equalTo("online"))
                .body("stations.find { it.stationId == 'bench-a' }.channels[0].globalRunId", equalTo("bench-a/17"))
                .body("stations.find { it.stationId == 'bench-a' }.channels[0].lastReading.voltageV", equalTo(1.4215f)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/lab/events").then()
                .body("globalRunId", hasItem("bench-a/17")));

        // The broker publishes the station's Last Will when its connection is lost.
        broker().publish("no3rr/bench-a/status", "{\"stationId\":\"bench-a\",\"state\":\"offline\",\"unixTimeS\":null}",
                true);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/lab/stations").then()
                .body("stations.find { it.stationId == 'bench-a' }.state", equalTo("offline"))
                .body("stations.find { it.stationId == 'bench-a' }.lastHeardUnixTimeS", notNullValue())
                .body("stations.find { it.stationId == 'bench-a' }.channels.channelId", contains("ch1")));
    }

    @Test
    void afterTheBrokerRestartsTheLabSubscribesAgain() {
        broker().stop();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/lab/stations").then()
                .body("broker", equalTo("unreachable")));
        broker().start();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/lab/stations").then()
                .body("broker", equalTo("connected")));
        // A station reconnecting republishes its retained topics.
        broker().publish("no3rr/bench-b/status", STATUS.formatted("bench-b"), true);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/lab/stations").then()
                .body("stations.find { it.stationId == 'bench-b' }.state", equalTo("online")));
    }
}
