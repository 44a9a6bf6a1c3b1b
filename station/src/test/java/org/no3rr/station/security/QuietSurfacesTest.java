package org.no3rr.station.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * What the station says about itself: security headers on every answer, the page revalidated rather
 * than cached as immutable, Location headers as paths whatever Host a client sent, every error in the
 * API's JSON shape, and metrics whose URI tags stay bounded whatever junk clients send.
 */
@QuarkusTest
class QuietSurfacesTest extends AuthenticatedApiTest {

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/index.html", "/js/main.js", "/api/channels", "/q/health")) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer");
        }
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void thePageIsRevalidatedOnEveryLoadOnlyVersionedLibrariesAreImmutableAndTheApiIsNeverStored() {
        given().get("/").then().header("Cache-Control", "no-cache");
        given().get("/index.html").then().header("Cache-Control", "no-cache");
        given().get("/js/api.js").then().header("Cache-Control", "no-cache");
        given().get("/webjars/chart.js/4.5.1/dist/chart.umd.js").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("immutable"));
        given().get("/api/channels").then().header("Cache-Control", "no-store");
    }

    @Test
    void theLocationOfACreatedRunIsAPathNotTheHostTheClientClaimed() {
        Response created = given().header("Host", "evil.example:666").contentType(ContentType.JSON)
                .body("{\"channel\":\"ch3\",\"protocol\":\"Rest for 1 s\",\"cell\":{\"areaCm2\":1}}").post("/api/runs");
        created.then().statusCode(201);
        assertThat(created.getHeader("Location")).isEqualTo("/api/runs/" + created.jsonPath().getLong("id"));
    }

    @Test
    void errorsOutsideTheResourcesHaveTheSameJsonShape() {
        given().get("/api/runs/abc").then().statusCode(404).contentType(ContentType.JSON)
                .body("status", equalTo(404))
                .body("error", equalTo("'abc' is not a run id: ids are whole numbers, e.g. /api/runs/12"));
        given().get("/api/no-such-thing").then().statusCode(404)
                .body("error", equalTo("nothing here: /api/no-such-thing is not a route of the station (the API's "
                        + "routes are listed at /q/openapi)"));
        given().get("/no-such-page.html").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", startsWith("nothing here: /no-such-page.html"));
        given().get("/api/runs/1/stop").then().statusCode(405).contentType(ContentType.JSON)
                .body("error", equalTo("GET /api/runs/1/stop is not allowed (the API's routes are listed at /q/openapi)"));
        given().get("/api/runs/1/path/../../2").then().statusCode(400)
                .body("field", equalTo("path"));
    }

    @Test
    void junkPathsDoNotBecomeMetricTags() {
        String operator = "Bearer " + accessToken.value();
        forgetTheToken();
        for (int i = 0; i < 30; i++) {
            given().header("Authorization", "Bearer wrong-" + i).get("/api/junk-" + i).then().statusCode(401);
            given().get("/q/health/group/junk-" + i);
            given().header("Authorization", operator).get("/api/runs/" + (900_000 + i) + "/stop").then().statusCode(405);
            given().get("/junk-" + i + ".html").then().statusCode(404);
        }
        given().header("Authorization", operator).get("/api/runs/1").then().statusCode(org.hamcrest.Matchers.oneOf(200, 404));
        String metrics = given().header("Authorization", operator).get("/q/metrics").then().statusCode(200).extract().asString();

        Matcher uris = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(metrics);
        List<String> tags = uris.results().map(m -> m.group(1)).distinct().toList();
        assertThat(tags).noneMatch(tag -> tag.contains("junk") || tag.matches(".*9000\\d\\d.*"))
                .contains("/api/runs/{id}", "NOT_FOUND", BoundedUriTags.UNMATCHED);
    }
}
