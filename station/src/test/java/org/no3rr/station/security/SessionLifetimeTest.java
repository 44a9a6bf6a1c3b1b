package org.no3rr.station.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A session ends 7 days after its last use (idle) and 30 days after its login however often it is
 * used (absolute), on a clock the test moves; an invalid cookie counts as a failed login.
 */
@QuarkusTest
class SessionLifetimeTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    @Inject
    SessionStore sessions;

    @Inject
    AccessToken tokens;

    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());

    @AfterEach
    void realTimeAgain() {
        sessions.useClock(System::currentTimeMillis);
    }

    @Test
    void aSessionUnusedForSevenDaysEnds() {
        sessions.useClock(now::get);
        String session = login();
        now.addAndGet(6 * DAY);
        given().cookie("no3rr_session", session).get("/api/session").then().statusCode(200)
                .body("expiresAt", equalTo(Instant.ofEpochMilli(now.get() + 7 * DAY).toString()));
        now.addAndGet(7 * DAY - 1);
        given().cookie("no3rr_session", session).get("/api/channels").then().statusCode(200);
        now.addAndGet(7 * DAY);
        given().cookie("no3rr_session", session).get("/api/channels").then().statusCode(401);
    }

    @Test
    void aSessionUsedEveryDayStillEndsThirtyDaysAfterItsLogin() {
        sessions.useClock(now::get);
        long loggedIn = now.get();
        String session = login();
        for (int day = 1; day < 30; day++) {
            now.set(loggedIn + day * DAY);
            given().cookie("no3rr_session", session).get("/api/channels").then().statusCode(200);
        }
        given().cookie("no3rr_session", session).get("/api/session").then()
                .body("expiresAt", equalTo(Instant.ofEpochMilli(loggedIn + 30 * DAY).toString()));
        now.set(loggedIn + 30 * DAY);
        given().cookie("no3rr_session", session).get("/api/channels").then().statusCode(401);
    }

    private String login() {
        return given().contentType(ContentType.JSON).body("{\"token\":\"" + tokens.value() + "\"}").post("/api/login")
                .then().statusCode(200).extract().cookie("no3rr_session");
    }
}
