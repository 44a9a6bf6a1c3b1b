package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A busy channel refuses a run unless it is queued; queued runs start in order when the channel is free. */
@QuarkusTest
class RunQueueTest extends AuthenticatedApiTest {

    private static final String CELL = "\"cell\": {\"areaCm2\": 1.0}";

    @Test
    void queuedRunsStartInOrderWhenTheChannelIsFreeAndCanBeCancelled() {
        long first = create("{\"channel\": \"ch3\", \"protocol\": \"Ask \\\"Go on?\\\"\\nRest for 2 s\", " + CELL + "}")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        awaitState(first, "WAITING_FOR_ANSWER");

        create("{\"channel\": \"ch3\", \"protocol\": \"Rest for 2 s\", " + CELL + "}")
                .then().statusCode(409)
                .body("error", containsString("channel ch3 is busy with run " + first))
                .body("error", containsString("\"queue\": true"));
        long second = create("{\"channel\": \"ch3\", \"protocol\": \"Rest for 3 s\", " + CELL + ", \"queue\": true}")
                .then().statusCode(201).body("state", equalTo("QUEUED")).extract().jsonPath().getLong("id");
        long third = create("{\"channel\": \"ch3\", \"protocol\": \"Rest for 4 s\", " + CELL + ", \"queue\": true}")
                .then().statusCode(201).body("state", equalTo("QUEUED")).extract().jsonPath().getLong("id");

        given().post("/api/runs/" + third + "/stop").then().statusCode(202).body("state", equalTo("STOPPED"))
                .body("endReason", equalTo("cancelled before it started"));
        given().contentType(ContentType.JSON).body("{\"answer\": \"yes\"}").post("/api/runs/" + first + "/answer")
                .then().statusCode(202);

        awaitState(first, "DONE");
        awaitState(second, "DONE");
        given().get("/api/runs/" + third).then().body("state", equalTo("STOPPED")).body("samplesStored", equalTo(0));
        given().get("/api/runs/" + second).then().body("samplesStored", equalTo(4));
    }

    private static io.restassured.response.Response create(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/runs");
    }

    private static void awaitState(long run, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/api/runs/" + run).jsonPath().getString("state").equals(state));
    }
}
