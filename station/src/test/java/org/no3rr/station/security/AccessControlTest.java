package org.no3rr.station.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.no3rr.station.config.StationConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Only holders of the access token — as a bearer token or through a session cookie — reach the API. */
@QuarkusTest
class AccessControlTest {

    @Inject
    AccessToken token;

    @Inject
    StationConfig config;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/channels", "GET, /api/runs", "POST, /api/runs", "GET, /api/runs/1", "GET, /api/runs/1/events",
            "GET, /api/runs/1/export", "GET, /api/runs/1/cycles", "POST, /api/runs/1/stop", "POST, /api/runs/1/pause",
            "POST, /api/runs/1/resume", "POST, /api/runs/1/answer", "POST, /api/logout"})
    void everyDataAndControlEndpointNeedsTheToken(String method, String path) {
        given().contentType(ContentType.JSON).body("{}").request(method, path)
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"no3rr-station\"")
                .body("error", containsString("authentication required"));
    }

    @Test
    void healthStaysOpen() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aWrongBearerTokenIsRefused() {
        given().header("Authorization", "Bearer not-the-token").get("/api/channels")
                .then().statusCode(401)
                .body("error", equalTo("the bearer token is not the station's access token"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/channels")
                .then().statusCode(401)
                .body("error", equalTo("the Authorization header must be 'Bearer <token>'"));
    }

    @Test
    void theRightBearerTokenIsAccepted() {
        given().header("Authorization", "Bearer " + token.value()).get("/api/channels").then().statusCode(200);
    }

    @Test
    void aPhoneLogsInOnceAndThenUsesItsSessionCookieUntilItLogsOut() {
        given().contentType(ContentType.JSON).body("{\"token\":\"wrong\"}").post("/api/login")
                .then().statusCode(401).body("field", equalTo("token"));

        Response login = given().contentType(ContentType.JSON).body("{\"token\":\"" + token.value() + "\"}")
                .post("/api/login");
        login.then().statusCode(204);
        String setCookie = login.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("no3rr_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/");
        String session = login.getCookie("no3rr_session");
        assertThat(session).hasSizeGreaterThanOrEqualTo(43);

        given().cookie("no3rr_session", session).get("/api/channels").then().statusCode(200);
        given().cookie("no3rr_session", session).post("/api/logout").then().statusCode(204);
        given().cookie("no3rr_session", session).get("/api/channels")
                .then().statusCode(401)
                .body("error", containsString("the session has expired or was logged out"));
    }

    @Test
    void theTokenFileIsReadableOnlyByTheStationsUser() throws IOException {
        Path file = Path.of(config.dataDir()).resolve(AccessToken.FILE_NAME);
        assertThat(Files.readString(file).trim()).isEqualTo(token.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
    }
}
