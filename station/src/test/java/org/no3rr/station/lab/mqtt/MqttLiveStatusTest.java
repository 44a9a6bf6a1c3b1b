package org.no3rr.station.lab.mqtt;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.lab.FreePorts;
import org.no3rr.station.lab.MosquittoBroker;
import org.no3rr.station.lab.MqttProbe;
import org.no3rr.station.lab.TcpProxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The station against a real Mosquitto on loopback, through a relay that can cut its connection the way a
 * pulled cable does, followed by a subscriber as a lab dashboard would. Payloads are compared field by
 * field with what the station's own API and export say.
 */
@QuarkusTest
@TestProfile(MqttLiveStatusTest.WithBroker.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MqttLiveStatusTest extends AuthenticatedApiTest {

    static final String STATUS = "no3rr/bench-2/status";
    static final String EVENTS = "no3rr/bench-2/events";
    static final String CH1 = "find { it.id == 'ch1' }.";
    static final String PROTOCOL = "Rest for 20 min\\nAsk \\\"Refresh the electrolyte\\\"\\nRest for 10 min";

    /** The station talks to the relay; the relay to the broker; the probe to the broker directly. */
    public static class WithBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("station.id", "bench-2",
                    "station.lab.mqtt.url", "tcp://127.0.0.1:" + FreePorts.next(),
                    "lab-test.broker-port", Integer.toString(FreePorts.next()),
                    "station.public-url", "http://bench-2.lab.test:8080/",
                    "station.lab.page-url", "http://lab.test",
                    "station.lab.mqtt.reconnect-min", "100ms",
                    "station.lab.mqtt.reconnect-max", "500ms");
        }
    }

    @ConfigProperty(name = "station.lab.mqtt.url")
    String stationSide;

    @ConfigProperty(name = "lab-test.broker-port")
    int brokerPort;

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    private static MosquittoBroker broker;
    private static TcpProxy relay;
    private static MqttProbe probe;

    @BeforeEach
    void brokerRunning() throws Exception {
        if (broker == null) {
            broker = new MosquittoBroker(brokerPort);
            broker.start();
            relay = new TcpProxy(URI.create(stationSide).getPort(), brokerPort);
            probe = new MqttProbe(brokerPort);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        probe.close();
        relay.close();
        broker.close();
    }

    @Test
    @Order(1)
    void theStatusIsRetainedOnlineWithWhatTheStationIsAndEveryChannelIsThere() {
        JsonObject status = awaitLatest(STATUS, s -> "online".equals(s.getString("state")));
        assertThat(status.fieldNames()).containsExactly("stationId", "state", "version", "pageUrl", "channels",
                "unixTimeS");
        assertThat(status.getString("stationId")).isEqualTo("bench-2");
        assertThat(status.getString("version")).isEqualTo(version);
        assertThat(status.getString("pageUrl")).isEqualTo("http://lab.test");
        assertThat(status.getJsonArray("channels")).isEqualTo(new JsonArray(List.of("ch1", "ch2", "ch3", "ch4")));
        assertThat(status.getDouble("unixTimeS")).isCloseTo(System.currentTimeMillis() / 1000.0,
                org.assertj.core.api.Assertions.within(60.0));
        for (String channel : List.of("ch1", "ch2", "ch3", "ch4")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.latest(channelTopic(channel)) != null);
        }
        JsonObject h = probe.latest(channelTopic("ch3"));
        assertThat(h.getString("cellKind")).isEqualTo("h-cell");
        assertThat(probe.latest(channelTopic("ch1")).getString("cellKind")).isEqualTo("zn-nitrate-battery");
    }

    @Test
    @Order(2)
    void aRunsPromptAnswerAndEndAreEventsAndItsChannelTopicEndsWithTheLastStoredSample() {
        long run = start("ch1");
        awaitState(run, "WAITING_FOR_ANSWER");
        JsonObject prompt = awaitEvent(run, "PROMPT");
        long promptAt = eventMillis(run, "PROMPT");
        assertThat(prompt).isEqualTo(new JsonObject().put("stationId", "bench-2").put("channelId", "ch1")
                .put("runId", run).put("globalRunId", "bench-2/" + run).put("type", "PROMPT")
                .put("message", "Refresh the electrolyte").put("unixTimeS", promptAt / 1000.0)
                .put("runUrl", "http://bench-2.lab.test:8080/#/run/" + run));
        JsonObject waiting = awaitLatest(channelTopic("ch1"), c -> "WAITING_FOR_ANSWER".equals(c.getString("state")));
        assertThat(waiting.getString("prompt")).isEqualTo("Refresh the electrolyte");
        assertThat(waiting.getString("globalRunId")).isEqualTo("bench-2/" + run);

        given().body("{\"answer\": \"done\"}").post("/api/runs/" + run + "/answer").then().statusCode(202);
        awaitState(run, "DONE");
        assertThat(awaitEvent(run, "ANSWER").getString("message")).isEqualTo("done");
        JsonObject ended = awaitEvent(run, "RUN_ENDED");
        assertThat(ended.getString("message"))
                .isEqualTo("DONE: " + given().get("/api/runs/" + run).jsonPath().getString("endReason"));
        assertThat(probe.matching(EVENTS, e -> e.getLong("runId") == run && "STEP_STARTED".equals(e.getString("type"))))
                .extracting(e -> e.getString("message")).containsExactly("Rest for 20 min", "Rest for 10 min");

        JsonPath export = given().get("/api/runs/" + run + "/export?format=json").then().statusCode(200)
                .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        int samples = export.getList("samples").size();
        Map<String, Object> last = export.getMap("samples[" + (samples - 1) + "]");
        JsonObject channel = awaitLatest(channelTopic("ch1"), c -> "DONE".equals(c.getString("state")));
        assertThat(channel.fieldNames()).containsExactly("stationId", "channelId", "cellKind", "state", "runId",
                "globalRunId", "stepNumber", "stepLine", "stepKind", "stepText", "cycle", "stepTimeS", "testTimeS",
                "prompt", "lastReading", "unixTimeS");
        assertThat(channel.getLong("runId")).isEqualTo(run);
        JsonPath api = given().get("/api/channels").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        assertThat(channel.getInteger("stepNumber")).isEqualTo(2).isEqualTo(api.getInt(CH1 + "step.number"));
        assertThat(channel.getInteger("stepLine")).isEqualTo(3).isEqualTo(api.getInt(CH1 + "step.line"));
        assertThat(channel.getString("stepKind")).isEqualTo(api.getString(CH1 + "step.kind"));
        assertThat(channel.getString("stepText")).isEqualTo("Rest for 10 min").isEqualTo(api.getString(CH1 + "step.text"));
        assertThat(channel.getDouble("stepTimeS")).isEqualTo(600.0).isEqualTo(api.getDouble(CH1 + "step.stepTimeS"));
        assertThat(channel.getValue("prompt")).isNull();
        assertThat(channel.getDouble("testTimeS")).isEqualTo(number(last.get("testTimeS")));
        JsonObject reading = channel.getJsonObject("lastReading");
        assertThat(reading.getDouble("unixTimeS")).isEqualTo(number(last.get("unixTimeS")));
        assertThat(reading.getDouble("voltageV")).isEqualTo(number(last.get("voltageV")));
        assertThat(reading.getDouble("currentA")).isEqualTo(number(last.get("currentA")));
        assertThat(reading.getValue("wePotentialV")).isNull();
        assertThat(reading.getValue("temperatureC")).isEqualTo(last.get("temperatureC"));
        assertThat(export.getString("run.stationId")).isEqualTo("bench-2");
        assertThat(export.getString("run.globalRunId")).isEqualTo("bench-2/" + run);
    }

    @Test
    @Order(3)
    void whenTheStationsConnectionDiesUncleanlyTheBrokerPublishesItsLastWillThenItComesBack() {
        awaitLatest(STATUS, s -> "online".equals(s.getString("state")));
        int before = probe.on(STATUS).size();
        relay.cut();
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.on(STATUS).size() > before);
        assertThat(probe.on(STATUS).get(before).json()).isEqualTo(new JsonObject().put("stationId", "bench-2")
                .put("state", "offline").putNull("unixTimeS"));
        awaitLatest(STATUS, s -> "online".equals(s.getString("state")));
    }

    @Test
    @Order(4)
    void aBrokerRestartMidRunChangesNothingInTheRunAndEveryRetainedTopicComesBack() throws Exception {
        long reference = start("ch1");
        awaitState(reference, "WAITING_FOR_ANSWER");
        given().body("{\"answer\": \"done\"}").post("/api/runs/" + reference + "/answer").then().statusCode(202);
        awaitState(reference, "DONE");

        broker.stop();
        long run = start("ch2");
        awaitState(run, "WAITING_FOR_ANSWER");
        relay.refuse(true);
        broker.start();
        MqttProbe afterRestart = new MqttProbe(brokerPort);
        try {
            relay.refuse(false);
            await().atMost(Duration.ofSeconds(15)).until(() -> afterRestart.latest(STATUS) != null
                    && "online".equals(afterRestart.latest(STATUS).getString("state")));
            for (String channel : List.of("ch1", "ch2", "ch3", "ch4")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> afterRestart.latest(channelTopic(channel)) != null);
            }
            assertThat(afterRestart.latest(channelTopic("ch2")).getString("state")).isEqualTo("WAITING_FOR_ANSWER");
            assertThat(afterRestart.latest(channelTopic("ch2")).getLong("runId")).isEqualTo(run);
            await().atMost(Duration.ofSeconds(10)).until(() -> !afterRestart.matching(EVENTS,
                    e -> e.getLong("runId") == run && "PROMPT".equals(e.getString("type"))).isEmpty());
            assertThat(afterRestart.matching(EVENTS, e -> e.getLong("runId") == run).stream()
                    .map(e -> e.getString("type")).toList())
                    .as("the events of the outage, kept in the bounded queue and sent after the reconnect")
                    .containsExactly("STEP_STARTED", "STEP_ENDED", "PROMPT");
        } finally {
            afterRestart.close();
        }
        given().body("{\"answer\": \"done\"}").post("/api/runs/" + run + "/answer").then().statusCode(202);
        awaitState(run, "DONE");
        assertThat(given().get("/api/runs/" + run).jsonPath().getLong("samplesStored"))
                .isEqualTo(given().get("/api/runs/" + reference).jsonPath().getLong("samplesStored"));
        assertThat(stepTimes(run)).isEqualTo(stepTimes(reference));
    }

    private static List<Object> stepTimes(long run) {
        return given().get("/api/runs/" + run + "/export?format=json").then().statusCode(200).extract().jsonPath()
                .getList("samples.stepTimeS");
    }

    private static String channelTopic(String channel) {
        return "no3rr/bench-2/channels/" + channel;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static long start(String channel) {
        return given().body("{\"channel\": \"" + channel + "\", \"protocol\": \"" + PROTOCOL + "\", "
                        + "\"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void awaitState(long run, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().get("/api/runs/" + run).jsonPath().getString("state").equals(state));
    }

    private static JsonObject awaitEvent(long run, String type) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !probe.matching(EVENTS,
                e -> e.getLong("runId") == run && type.equals(e.getString("type"))).isEmpty());
        List<JsonObject> all = probe.matching(EVENTS, e -> e.getLong("runId") == run && type.equals(e.getString("type")));
        assertThat(all).as("one " + type + " event").hasSize(1);
        return all.get(0);
    }

    private static JsonObject awaitLatest(String topic, java.util.function.Predicate<JsonObject> condition) {
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.latest(topic) != null
                && condition.test(probe.latest(topic)));
        return probe.latest(topic);
    }

    /** The stored time of the run's event of that kind (the history says PROMPT for a prompt). */
    private static long eventMillis(long run, String kind) {
        List<Map<String, Object>> events = given().get("/api/runs/" + run + "/events").jsonPath().getList("$");
        return events.stream().filter(e -> kind.equals(e.get("kind"))).map(e -> ((Number) e.get("epochMillis"))
                .longValue()).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + events));
    }
}
