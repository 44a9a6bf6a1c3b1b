package org.no3rr.station.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * After too many failed logins from one address — wrong tokens at login, wrong bearer tokens, invalid
 * session cookies alike — even the right token is refused for a while. The same wrong value counts once.
 */
@QuarkusTest
@TestProfile(LoginRateLimitTest.ThreeFailures.class)
class LoginRateLimitTest {

    /** Its own application, so the address it blocks does not block the other tests. */
    public static class ThreeFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("station.security.max-failed-logins", "3");
        }
    }

    @Inject
    AccessToken token;

    @Test
    void theFourthAttemptAfterThreeFailuresIsRefusedWithRetryAfter() {
        // An expired cookie sent with several requests at once is one failure, not several.
        for (int i = 0; i < 3; i++) {
            given().cookie("no3rr_session", "stale-session-id").get("/api/runs").then().statusCode(401)
                    .header("Set-Cookie", startsWith("no3rr_session=;"));
        }
        given().contentType(ContentType.JSON).body("{\"token\":\"guess-1\"}").post("/api/login").then().statusCode(401);
        given().header("Authorization", "Bearer guess-2").get("/api/runs").then().statusCode(401);

        given().contentType(ContentType.JSON).body("{\"token\":\"" + token.value() + "\"}").post("/api/login")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("error", matchesPattern("too many failed logins from .+; try again in [0-9]+ s"));
        given().header("Authorization", "Bearer " + token.value()).get("/api/runs")
                .then().statusCode(429).body("status", equalTo(429));
        given().cookie("no3rr_session", "another-guess").get("/api/runs").then().statusCode(429);
    }
}
