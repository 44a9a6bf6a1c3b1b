package org.no3rr.station.ui;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.net.URL;
import java.time.Duration;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the browser tests set up or check behind the page's back, through the API with the token. */
final class StationApi {

    private static final Set<String> ACTIVE = Set.of("RUNNING", "WAITING_FOR_ANSWER", "PAUSED");

    private final URL base;
    private final String token;

    /** The base URL explicitly: in a {@code @BeforeAll}, RestAssured's port is not set up yet. */
    StationApi(URL base, String token) {
        this.base = base;
        this.token = token;
    }

    RequestSpecification request() {
        return given().baseUri(base.toString()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** Starts a run and returns its id. */
    long startRun(String channel, String protocol, String cellJson) {
        String body = "{\"channel\": \"" + channel + "\", \"protocol\": " + quote(protocol) + ", \"cell\": " + cellJson + "}";
        return request().contentType(ContentType.JSON).body(body).post("/api/runs")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    JsonPath run(long id) {
        return request().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
    }

    String state(long id) {
        return run(id).getString("state");
    }

    void awaitState(long id, String state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> state(id).equals(state));
    }

    /** Answers every prompt of the run ("done") until it ends, and returns the state it ended in. */
    String answerPromptsUntilEnded(long id, Duration atMost) {
        String[] ended = new String[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            String state = state(id);
            if (state.equals("WAITING_FOR_ANSWER")) {
                request().body("{\"answer\": \"done\"}").post("/api/runs/" + id + "/answer");
            }
            ended[0] = state;
            return !ACTIVE.contains(state) && !state.equals("QUEUED");
        });
        return ended[0];
    }

    /** Stops a run that still holds its channel, so the next test finds the channel free. */
    void stopIfActive(long id) {
        if (ACTIVE.contains(state(id))) {
            request().post("/api/runs/" + id + "/stop");
        }
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
