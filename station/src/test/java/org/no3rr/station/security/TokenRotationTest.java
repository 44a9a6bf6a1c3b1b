package org.no3rr.station.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Rotating a token replaces it in its file and ends every session of its role: the old token and the
 * cookies made with it get 401 at once; the other role's token and sessions go on.
 */
@QuarkusTest
class TokenRotationTest {

    @Inject
    AccessToken tokens;

    @Test
    void rotatingTheViewersTokenEndsTheViewersSessionsOnly() throws IOException {
        String oldViewer = tokens.value(Role.VIEWER);
        String viewerSession = login(oldViewer);
        String operatorSession = login(tokens.value());

        JsonPath rotation = given().cookie("no3rr_session", operatorSession).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/tokens/viewer/rotate").then().statusCode(200).extract().jsonPath();

        String newViewer = rotation.getString("token");
        assertThat(rotation.getString("role")).isEqualTo("viewer");
        assertThat(rotation.getInt("sessionsEnded")).isGreaterThanOrEqualTo(1);
        assertThat(newViewer).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(oldViewer).isEqualTo(tokens.value(Role.VIEWER));
        Path file = Path.of(rotation.getString("file"));
        assertThat(Files.readString(file).trim()).isEqualTo(newViewer);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        given().header("Authorization", "Bearer " + oldViewer).get("/api/runs").then().statusCode(401);
        given().cookie("no3rr_session", viewerSession).get("/api/runs").then().statusCode(401)
                .body("error", containsString("its token was rotated"));
        given().contentType(ContentType.JSON).body("{\"token\":\"" + oldViewer + "\"}").post("/api/login")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + newViewer).get("/api/runs").then().statusCode(200);
        given().cookie("no3rr_session", operatorSession).get("/api/runs").then().statusCode(200);
    }

    @Test
    void rotatingTheOperatorsTokenEndsTheOperatorsSessionsAndTheOldTokenGets401() {
        String oldOperator = tokens.value();
        String operatorSession = login(oldOperator);
        String viewerSession = login(tokens.value(Role.VIEWER));

        String newOperator = given().header("Authorization", "Bearer " + oldOperator).contentType(ContentType.JSON)
                .body("{}").post("/api/admin/tokens/operator/rotate").then().statusCode(200)
                .body("role", equalTo("operator")).extract().jsonPath().getString("token");

        given().header("Authorization", "Bearer " + oldOperator).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/backup").then().statusCode(401);
        given().cookie("no3rr_session", operatorSession).contentType(ContentType.JSON).body("{}")
                .post("/api/runs/1/stop").then().statusCode(401);
        given().header("Authorization", "Bearer " + newOperator).get("/api/session").then().statusCode(200)
                .body("role", equalTo("operator"));
        given().cookie("no3rr_session", viewerSession).get("/api/runs").then().statusCode(200);
        assertThat(tokens.value()).isEqualTo(newOperator);
    }

    @Test
    void anUnknownRoleIsA400() {
        given().header("Authorization", "Bearer " + tokens.value()).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/tokens/admin/rotate").then().statusCode(400).body("field", equalTo("role"))
                .body("error", equalTo("role 'admin' does not exist; it is one of [operator, viewer]"));
    }

    private String login(String token) {
        return given().contentType(ContentType.JSON).body("{\"token\":\"" + token + "\"}").post("/api/login")
                .then().statusCode(200).extract().cookie("no3rr_session");
    }
}
