package org.no3rr.station.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The viewer's token reads everything a phone shows — channels, runs, their steps, cycles, plots,
 * readings, exports, the live stream, metrics — and every route that changes anything answers it 403,
 * whether it comes as a bearer token or through a session cookie from the login.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewerRoleTest {

    private static final List<String> CONTROL_ROUTES = List.of(
            "POST /api/runs", "POST /api/runs/RUN/stop", "POST /api/runs/RUN/pause", "POST /api/runs/RUN/resume",
            "POST /api/runs/RUN/answer", "POST /api/runs/RUN/readings", "POST /api/calibrations",
            "POST /api/protocols", "PUT /api/protocols/1", "DELETE /api/protocols/1",
            "POST /api/admin/backup", "POST /api/admin/tokens/viewer/rotate",
            "POST /api/admin/tokens/operator/rotate", "POST /api/channels/ch1/calibration/voltage/points",
            "POST /api/channels/ch1/calibration/voltage/apply", "DELETE /api/channels/ch1/calibration/voltage/points",
            "DELETE /api/channels/ch1/calibration/voltage");

    @Inject
    AccessToken tokens;

    private long run;

    /** Once for the class; in a {@code @BeforeEach} because RestAssured's port is not set up before. */
    @BeforeEach
    void aFinishedRun() {
        if (run != 0) {
            return;
        }
        run = operator().body("{\"channel\":\"ch2\",\"protocol\":\"Discharge at 2 mA/cm2 for 2 min\",\"cell\":{\"areaCm2\":1}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> operator().get("/api/runs/" + run)
                .then().body("state", equalTo("DONE")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/channels", "/api/runs", "/api/runs/RUN", "/api/runs/RUN/events", "/api/runs/RUN/steps",
            "/api/runs/RUN/cycles", "/api/runs/RUN/samples?maxPoints=100", "/api/runs/RUN/readings",
            "/api/runs/RUN/export?format=csv", "/api/runs/RUN/export?format=bdf", "/api/runs/RUN/export?format=json",
            "/api/runs/RUN/export?format=cycles", "/api/calibrations", "/api/protocols", "/api/templates",
            "/api/channels/ch1/calibration", "/q/metrics", "/q/openapi"})
    void theViewerReadsWhatAPhoneShows(String path) {
        String target = path.replace("RUN", Long.toString(run));
        int asOperator = operator().get(target).statusCode();
        given().header("Authorization", "Bearer " + tokens.value(Role.VIEWER)).get(target)
                .then().statusCode(asOperator);
        assertThat(asOperator).as(target).isIn(200, 409);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bearer", "cookie"})
    void everyControlRouteAnswersTheViewer403(String via) {
        RequestSpecification viewer = via.equals("bearer")
                ? given().header("Authorization", "Bearer " + tokens.value(Role.VIEWER))
                : given().cookie("no3rr_session", login(tokens.value(Role.VIEWER)));
        for (String route : CONTROL_ROUTES) {
            String[] methodAndPath = route.replace("RUN", Long.toString(run)).split(" ");
            given().spec(viewer).contentType(ContentType.JSON).body("{}").request(methodAndPath[0], methodAndPath[1])
                    .then().statusCode(403)
                    .body("field", equalTo("Authorization"))
                    .body("error", equalTo("the viewer token is read-only: " + methodAndPath[0] + " " + methodAndPath[1]
                            + " needs the operator's token"));
        }
        assertThat(operator().get("/api/protocols").jsonPath().getList("$")).isEqualTo(
                given().spec(viewer).get("/api/protocols").jsonPath().getList("$"));
    }

    @Test
    void theViewerGetsTheOutlineThePageDrawsProgressWith() {
        given().header("Authorization", "Bearer " + tokens.value(Role.VIEWER)).contentType(ContentType.JSON)
                .body("{\"protocol\":\"Discharge at 2 mA/cm2 for 2 min\"}").post("/api/protocols/outline")
                .then().statusCode(200).body("steps[0].kind", equalTo("discharge"))
                .body("steps[0].plannedMillis", equalTo(120_000));
    }

    @Test
    void theViewerLogsInWithItsTokenAndOutAgain() {
        String session = login(tokens.value(Role.VIEWER));
        given().cookie("no3rr_session", session).get("/api/session").then().statusCode(200)
                .body("role", equalTo("viewer")).body("via", equalTo("cookie"));
        given().cookie("no3rr_session", session).contentType(ContentType.JSON).body("{}").post("/api/logout")
                .then().statusCode(204);
        given().cookie("no3rr_session", session).get("/api/runs").then().statusCode(401);
    }

    @Test
    void theViewerFollowsTheLiveStream() throws Exception {
        var connection = (java.net.HttpURLConnection) new java.net.URL(io.restassured.RestAssured.baseURI + ":"
                + io.restassured.RestAssured.port + "/api/stream").openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + tokens.value(Role.VIEWER));
        connection.setRequestProperty("Accept", "text/event-stream");
        try {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            assertThat(connection.getContentType()).startsWith("text/event-stream");
        } finally {
            connection.disconnect();
        }
    }

    private String login(String token) {
        return given().contentType(ContentType.JSON).body("{\"token\":\"" + token + "\"}").post("/api/login")
                .then().statusCode(200).extract().cookie("no3rr_session");
    }

    private RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + tokens.value()).contentType(ContentType.JSON);
    }
}
