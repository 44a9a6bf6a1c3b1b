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
import static org.hamcrest.Matchers.nullValue;

/** Only holders of a token — as a bearer token or through a session cookie — reach the API, metrics and API description. */
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
            "POST, /api/runs/1/resume", "POST, /api/runs/1/answer", "POST, /api/logout", "GET, /api/session",
            "GET, /api/no-such-route", "POST, /api/admin/tokens/viewer/rotate", "GET, /q/metrics", "GET, /q/openapi"})
    void everyDataAndControlEndpointNeedsAToken(String method, String path) {
        given().contentType(ContentType.JSON).body("{}").request(method, path)
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"no3rr-station\"")
                .body("status", equalTo(401))
                .body("field", equalTo("Authorization"))
                .body("error", containsString("authentication required"));
    }

    @Test
    void healthAndThePageStayOpen() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void aWrongBearerTokenIsRefused() {
        given().header("Authorization", "Bearer not-the-token").get("/api/channels")
                .then().statusCode(401)
                .body("error", equalTo("the bearer token is not one of the station's tokens (it may have been rotated)"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/channels")
                .then().statusCode(401)
                .body("error", equalTo("the Authorization header must be 'Bearer <token>'"));
    }

    @Test
    void eitherTokenIsAcceptedAsABearerTokenWithItsRole() {
        given().header("Authorization", "Bearer " + token.value()).get("/api/session")
                .then().statusCode(200).body("role", equalTo("operator")).body("via", equalTo("token"))
                .body("expiresAt", nullValue());
        given().header("Authorization", "Bearer " + token.value(Role.VIEWER)).get("/api/session")
                .then().statusCode(200).body("role", equalTo("viewer"));
    }

    @Test
    void aPhoneLogsInOnceAndThenUsesItsSessionCookieUntilItLogsOut() {
        given().contentType(ContentType.JSON).body("{\"token\":\"wrong\"}").post("/api/login")
                .then().statusCode(401).body("field", equalTo("token"));

        Response login = given().contentType(ContentType.JSON).body("{\"token\":\"" + token.value() + "\"}")
                .post("/api/login");
        login.then().statusCode(200).body("role", equalTo("operator")).body("via", equalTo("cookie"));
        String setCookie = login.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("no3rr_session=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/").contains("; Max-Age=2592000").doesNotContain("Secure");
        String session = login.getCookie("no3rr_session");
        assertThat(session).matches("[A-Za-z0-9_-]{43}");

        given().cookie("no3rr_session", session).get("/api/channels").then().statusCode(200);
        given().cookie("no3rr_session", session).get("/api/session").then().statusCode(200)
                .body("role", equalTo("operator")).body("via", equalTo("cookie"));
        Response logout = given().cookie("no3rr_session", session).contentType(ContentType.JSON).body("{}")
                .post("/api/logout");
        logout.then().statusCode(204);
        assertThat(logout.getHeader("Set-Cookie")).startsWith("no3rr_session=;").contains("Max-Age=0");
        given().cookie("no3rr_session", session).get("/api/channels")
                .then().statusCode(401)
                .body("error", containsString("the session has expired, was logged out or its token was rotated"));
    }

    @Test
    void theTokenFilesAndTheDatabaseAreReadableOnlyByTheStationsUser() throws IOException {
        Path dataDir = Path.of(config.dataDir());
        for (Role role : Role.values()) {
            Path file = dataDir.resolve(role.fileName());
            assertThat(Files.readString(file).trim()).isEqualTo(token.value(role));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
            assertThat(token.value(role)).matches("[A-Za-z0-9_-]{43}");
        }
        assertThat(token.value(Role.VIEWER)).isNotEqualTo(token.value(Role.OPERATOR));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("station.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    }
}
