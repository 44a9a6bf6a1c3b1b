package org.no3rr.station.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A page served from the Pi's own address on another port auto-submits a form to pause a run, with
 * the phone's session cookie (same site, so SameSite=Strict does not stop it): refused with 403 naming
 * the reason; so is a text/plain post from the station's own origin (415). Curl with a bearer token
 * and no Origin still works.
 */
@QuarkusTest
class CrossSiteRequestTest {

    @Inject
    AccessToken token;

    @TestHTTPResource("/")
    URL base;

    private String session;
    private long run;

    @BeforeEach
    void logInAndStartARun() {
        session = given().contentType(ContentType.JSON).body("{\"token\":\"" + token.value() + "\"}").post("/api/login")
                .then().statusCode(200).extract().cookie("no3rr_session");
        run = given().header("Authorization", "Bearer " + token.value()).contentType(ContentType.JSON)
                .body("{\"channel\":\"ch4\",\"protocol\":\"Ask \\\"Sample taken?\\\"\\nRest for 1 h\",\"cell\":{\"areaCm2\":1}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitState("WAITING_FOR_ANSWER");
    }

    private void awaitState(String state) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", "Bearer " + token.value())
                .get("/api/runs/" + run).then().body("state", equalTo(state)));
    }

    @AfterEach
    void stopTheRun() {
        given().header("Authorization", "Bearer " + token.value()).contentType(ContentType.JSON).body("{}")
                .post("/api/runs/" + run + "/stop");
    }

    @Test
    void aFormPostFromAnotherPortIsRefusedAndTheRunGoesOn() {
        String otherPort = "http://" + base.getHost() + ":" + (base.getPort() + 1);
        given().cookie("no3rr_session", session).header("Origin", otherPort).contentType("text/plain")
                .body("x=1").post("/api/runs/" + run + "/pause")
                .then().statusCode(403)
                .body("field", equalTo("Origin"))
                .body("error", equalTo("cross-origin request refused: POST /api/runs/" + run + "/pause came from a page at '"
                        + otherPort + "' (Origin), not from the station's own page at http://" + base.getHost() + ":"
                        + base.getPort() + "; a page from another site or port may not change the station "
                        + "(cross-site request forgery)"));
        given().cookie("no3rr_session", session).header("Referer", otherPort + "/evil.html")
                .contentType("application/x-www-form-urlencoded").body("x=1").post("/api/runs/" + run + "/stop")
                .then().statusCode(403).body("field", equalTo("Referer"));
        given().cookie("no3rr_session", session).header("Origin", "null").contentType(ContentType.JSON).body("{}")
                .post("/api/runs/" + run + "/stop").then().statusCode(403);

        given().cookie("no3rr_session", session).get("/api/runs/" + run).then().statusCode(200)
                .body("state", equalTo("WAITING_FOR_ANSWER"));
    }

    @Test
    void fromTheStationsOwnOriginAChangeMustBeJson() {
        String own = "http://" + base.getHost() + ":" + base.getPort();
        given().cookie("no3rr_session", session).header("Origin", own).contentType("text/plain").body("{}")
                .post("/api/runs/" + run + "/stop")
                .then().statusCode(415).body("field", equalTo("Content-Type"))
                .body("error", containsString("needs 'Content-Type: application/json' with a JSON body (send {} when "
                        + "there is nothing to say); it came as 'text/plain"));
        given().cookie("no3rr_session", session).get("/api/runs/" + run).then().body("state", equalTo("WAITING_FOR_ANSWER"));
        given().cookie("no3rr_session", session).header("Origin", own).contentType(ContentType.JSON).body("{}")
                .post("/api/runs/" + run + "/stop").then().statusCode(202);
        awaitState("STOPPED");
    }

    @Test
    void aBearerClientWithoutOriginKeepsWorking() {
        given().header("Authorization", "Bearer " + token.value()).contentType(ContentType.JSON).body("{}")
                .post("/api/runs/" + run + "/stop").then().statusCode(202);
        awaitState("STOPPED");
    }
}
