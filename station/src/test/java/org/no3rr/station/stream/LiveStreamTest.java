package org.no3rr.station.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A real SSE client follows a simulated H-cell run on ch3 from start to end. */
@QuarkusTest
class LiveStreamTest extends AuthenticatedApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/stream?channel=ch3")
    URL streamUrl;

    @Inject
    LiveEvents events;

    @Test
    void aRunsSamplesStepsAndStatesArriveInOrder() throws Exception {
        int clientsBefore = events.clientCount();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl.toString()))
                .header("Authorization", "Bearer " + accessToken.value())
                .header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<InputStream>> response =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        await().atMost(Duration.ofSeconds(10)).until(() -> events.clientCount() > clientsBefore);

        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"ch3\", \"protocol\": \"Rest for 30 s\\nDischarge at 1 mA for 1 min\", "
                        + "\"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");

        HttpResponse<InputStream> stream = response.get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<Event> received = readUntilDone(stream.body(), id);

        List<Event> samples = received.stream().filter(e -> e.name.equals("sample")).toList();
        long stored = given().get("/api/runs/" + id).jsonPath().getLong("samplesStored");
        assertThat(samples).hasSize((int) stored);
        for (int i = 0; i < samples.size(); i++) {
            JsonNode sample = samples.get(i).data;
            assertThat(sample.get("channel").asText()).isEqualTo("ch3");
            assertThat(sample.get("seq").asLong()).as("sample %d in order", i).isEqualTo(i + 1);
            assertThat(sample.get("wePotentialV").isNumber()).isTrue();
        }
        List<String> tidy = given().get("/api/runs/" + id + "/export").asString().lines().skip(1).toList();
        for (int i = 0; i < samples.size(); i++) {
            assertThat(samples.get(i).data.get("t").asDouble()).as("test time of sample %d", i + 1)
                    .isEqualTo(Double.parseDouble(tidy.get(i).split(",")[0]));
        }
        assertThat(samples.get(samples.size() - 1).data.get("currentA").asDouble()).isNegative();

        List<String> steps = received.stream().filter(e -> e.name.equals("step"))
                .map(e -> e.data.get("text").asText()).toList();
        assertThat(steps).containsExactly("Rest for 30 s", "Discharge at 1 mA for 1 min");
        List<String> states = received.stream().filter(e -> e.name.equals("state"))
                .map(e -> e.data.get("state").asText()).toList();
        assertThat(states).containsExactly("RUNNING", "DONE");
        List<Long> ids = received.stream().filter(e -> !e.name.equals("heartbeat")).map(e -> e.id).toList();
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("no event dropped").isEqualTo(ids.get(i - 1) + 1);
        }
        stream.body().close();
    }

    @Test
    void anIdleStreamSendsHeartbeatsThatTellTheirInterval() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl.toString().replace("?channel=ch3", "")))
                .header("Authorization", "Bearer " + accessToken.value())
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        long before = System.currentTimeMillis();

        List<Event> heartbeats = new ArrayList<>();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String name = null;
                String line;
                while (heartbeats.size() < 2 && (line = lines.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:") && "heartbeat".equals(name)) {
                        heartbeats.add(new Event(0, name, JSON.readTree(line.substring(5).trim())));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(20, TimeUnit.SECONDS);

        // the test profile's station.stream-heartbeat is 1 s
        assertThat(heartbeats).allSatisfy(h -> {
            assertThat(h.data.get("everyMs").asLong()).isEqualTo(1000);
            assertThat(h.data.get("epochMillis").asLong()).isGreaterThanOrEqualTo(before - 1000);
        });
        assertThat(heartbeats.get(1).data.get("epochMillis").asLong() - heartbeats.get(0).data.get("epochMillis").asLong())
                .isBetween(500L, 5000L);
    }

    @Test
    void anUnknownChannelIsRefused() {
        given().queryParam("channel", "ch9").get("/api/stream").then().statusCode(400)
                .body("field", equalTo("channel"))
                .body("error", equalTo("channel 'ch9' does not exist; channels are [ch1, ch2, ch3, ch4], "
                        + "or leave channel out for all"));
    }

    /** Reads SSE lines (id, event, data, blank line) until this run's final state, at most 30 s. */
    private static List<Event> readUntilDone(InputStream body, long runId) throws Exception {
        List<Event> events = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                long id = 0;
                String name = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (name != null) {
                            Event event = new Event(id, name, JSON.readTree(data.toString()));
                            events.add(event);
                            if (event.name.equals("state") && event.data.get("runId").asLong() == runId
                                    && event.data.get("state").asText().equals("DONE")) {
                                return;
                            }
                        }
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).trim());
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reading.get(30, TimeUnit.SECONDS);
        return events;
    }

    private record Event(long id, String name, JsonNode data) {
    }
}
