package org.no3rr.station.badinput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.no3rr.station.AuthenticatedApiTest;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus: each request gets a 4xx whose message names the problem — never a 5xx,
 * never a stack trace — and none of them leaves anything behind (no run, calibration or saved
 * protocol appears).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest extends AuthenticatedApiTest {

    private static final String CELL = "\"cell\":{\"areaCm2\":1}";
    private static final String REST = "\"protocol\":\"Rest for 1 min\"";

    private int runs;
    private int calibrations;
    private int savedProtocols;

    /** A request of the corpus; {@code credentials} is "token", "none", "wrong" or "basic". */
    record BadRequest(String name, String method, String path, String contentType, String body, String credentials,
                      int status, String messageFragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadRequest> corpus() {
        String huge = "Rest for 1 min\\n".repeat(160_000);
        return Stream.of(
                run("malformed JSON", "{\"channel\":\"ch1\",", 400, "not valid JSON"),
                run("trailing garbage", "{\"channel\":\"ch1\"} }", 400, "body"),
                run("empty body", "", 400, "a JSON body is required"),
                run("body is a string", "\"hello\"", 400, "body"),
                run("body is an array", "[1,2]", 400, "body"),
                run("cell is a string", "{\"channel\":\"ch1\"," + REST + ",\"cell\":\"big\"}", 400, "cell"),
                run("area is NaN", "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":NaN}}", 400, "NaN"),
                run("area is a string", "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":\"1\"}}", 400, "areaCm2"),
                run("area is zero", "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":0}}", 400,
                        "cell.areaCm2 must be a positive number, was 0.0"),
                run("area is negative", "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":-1}}", 400,
                        "cell.areaCm2 must be a positive number, was -1.0"),
                run("area overflows", "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":1e400}}", 400, "areaCm2"),
                run("area so huge the current exceeds the rating",
                        "{\"channel\":\"ch1\",\"protocol\":\"Discharge at 5 mA/cm2 for 1 min\",\"cell\":{\"areaCm2\":1e9}}",
                        400, "exceeds the channel's rating"),
                run("negative catalyst mass", "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":1,\"catalystMassMg\":-2}}",
                        400, "catalystMassMg"),
                run("pH out of range", "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":1,\"ph\":20}}", 400,
                        "ph must be between -1 and 15, was 20.0"),
                run("reference offset out of range",
                        "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":1,\"referenceOffsetV\":5}}", 400,
                        "referenceOffsetV"),
                run("negative resistance",
                        "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":1,\"uncompensatedResistanceOhm\":-1}}", 400,
                        "uncompensatedResistanceOhm"),
                run("misspelt field", "{\"chanel\":\"ch1\"," + REST + "," + CELL + "}", 400, "unknown field 'chanel'"),
                run("unknown cell field", "{\"channel\":\"ch1\"," + REST + ",\"cell\":{\"areaCm2\":1,\"mass\":3}}", 400,
                        "unknown field 'cell.mass'"),
                run("unknown channel", "{\"channel\":\"ch9\"," + REST + "," + CELL + "}", 400, "channel 'ch9' does not exist"),
                run("missing channel", "{" + REST + "," + CELL + "}", 400, "channel is required"),
                run("missing protocol", "{\"channel\":\"ch1\"," + CELL + "}", 400, "protocol is required"),
                run("empty protocol", "{\"channel\":\"ch1\",\"protocol\":\"\"," + CELL + "}", 400, "protocol is required"),
                run("protocol is a number", "{\"channel\":\"ch1\",\"protocol\":5," + CELL + "}", 400, "protocol"),
                run("protocol is gibberish", "{\"channel\":\"ch1\",\"protocol\":\"hello\"," + CELL + "}", 400, "line 1"),
                run("current above the rating",
                        "{\"channel\":\"ch1\",\"protocol\":\"Discharge at 80 mA/cm2 for 1 min\"," + CELL + "}", 400,
                        "exceeds the channel's rating"),
                run("cut-off outside the voltage window",
                        "{\"channel\":\"ch1\",\"protocol\":\"Discharge at 1 mA until -5 V\"," + CELL + "}", 400, "line 1"),
                run("NaN current", "{\"channel\":\"ch1\",\"protocol\":\"Discharge at NaN mA for 1 min\"," + CELL + "}", 400,
                        "line 1"),
                run("negative duration", "{\"channel\":\"ch1\",\"protocol\":\"Rest for -5 min\"," + CELL + "}", 400, "line 1"),
                run("repeat zero times",
                        "{\"channel\":\"ch1\",\"protocol\":\"Repeat 0 times:\\n  Rest for 1 min\"," + CELL + "}", 400, "line 1"),
                run("hold on a battery channel",
                        "{\"channel\":\"ch1\",\"protocol\":\"Hold at -0.4 V vs Ag/AgCl for 1 min\"," + CELL + "}", 400,
                        "has no potential control"),
                run("hold vs RHE without a pH",
                        "{\"channel\":\"ch3\",\"protocol\":\"Hold at -0.1 V vs RHE for 1 min\"," + CELL + "}", 400, "pH"),
                run("protocol too long", "{\"channel\":\"ch1\",\"protocol\":\"" + "Rest for 1 min\\n".repeat(7_000)
                        + "\"," + CELL + "}", 400, "at most 100000 are allowed"),
                run("oversized body", "{\"channel\":\"ch1\",\"protocol\":\"" + huge + "\"," + CELL + "}", 413, ""),
                new BadRequest("wrong content type", "POST", "/api/runs", "text/plain", "channel=ch1", "token", 415, ""),
                new BadRequest("no credentials", "POST", "/api/runs", "application/json",
                        "{\"channel\":\"ch1\"," + REST + "," + CELL + "}", "none", 401, "authentication required"),
                new BadRequest("wrong bearer token", "POST", "/api/runs", "application/json",
                        "{\"channel\":\"ch1\"," + REST + "," + CELL + "}", "wrong", 401, "not the station's access token"),
                new BadRequest("basic credentials", "GET", "/api/runs", null, null, "basic", 401, "must be 'Bearer <token>'"),
                new BadRequest("run id not a number", "GET", "/api/runs/abc", null, null, "token", 404, ""),
                new BadRequest("unknown run", "GET", "/api/runs/99999999", null, null, "token", 404,
                        "run 99999999 does not exist"),
                new BadRequest("answer for an unknown run", "POST", "/api/runs/99999999/answer", "application/json",
                        "{\"answer\":\"yes\"}", "token", 404, "run 99999999 does not exist"),
                new BadRequest("stop an unknown run", "POST", "/api/runs/99999999/stop", null, null, "token", 404,
                        "run 99999999 does not exist"),
                new BadRequest("export of an unknown run", "GET", "/api/runs/99999999/export?format=csv", null, null, "token",
                        404, "run 99999999 does not exist"),
                new BadRequest("unknown calibration method", "POST", "/api/calibrations", "application/json",
                        "{\"name\":\"x\",\"method\":\"UV\",\"standardsMolPerL\":[0,1e-5],\"signals\":[0.1,0.2]}", "token",
                        400, "INDOPHENOL_BLUE_NH3"),
                new BadRequest("calibration with one standard", "POST", "/api/calibrations", "application/json",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0],\"signals\":[0.1]}", "token",
                        400, "a calibration needs 2 to 100 standards, got 1"),
                new BadRequest("calibration without signals", "POST", "/api/calibrations", "application/json",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e-5]}", "token", 400,
                        "standardsMolPerL and signals are required"),
                new BadRequest("calibration with a NaN standard", "POST", "/api/calibrations", "application/json",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,NaN],\"signals\":[0.1,0.2]}",
                        "token", 400, "NaN"),
                new BadRequest("validate without a body", "POST", "/api/protocols/validate", "application/json", "",
                        "token", 400, "a JSON body is required"),
                new BadRequest("save a protocol without a name", "POST", "/api/protocols", "application/json",
                        "{\"protocol\":\"Rest for 1 min\"}", "token", 400, "name is required"),
                new BadRequest("change an unknown saved protocol", "PUT", "/api/protocols/99999999", "application/json",
                        "{\"name\":\"x\",\"protocol\":\"Rest for 1 min\"}", "token", 404, "does not exist"),
                new BadRequest("readings of an unknown run", "POST", "/api/runs/99999999/readings", "application/json",
                        "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3}", "token", 404, "run 99999999 does not exist"));
    }

    private static BadRequest run(String name, String body, int status, String fragment) {
        return new BadRequest(name, "POST", "/api/runs", "application/json", body, "token", status, fragment);
    }

    @Test
    @Order(1)
    void countWhatExistsBefore() {
        runs = given().get("/api/runs").jsonPath().getList("$").size();
        calibrations = given().get("/api/calibrations").jsonPath().getList("$").size();
        savedProtocols = given().get("/api/protocols").jsonPath().getList("$").size();
        assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void getsA4xxNamingTheProblem(BadRequest request) {
        if (!request.credentials().equals("token")) {
            forgetTheToken();
        }
        RequestSpecification spec = switch (request.credentials()) {
            case "wrong" -> given().header("Authorization", "Bearer not-the-token");
            case "basic" -> given().header("Authorization", "Basic dXNlcjpwYXNz");
            default -> given();
        };
        if (request.contentType() != null) {
            spec = spec.contentType(request.contentType());
        }
        if (request.body() != null) {
            spec = spec.body(request.body());
        }
        Response response = spec.request(request.method(), request.path());
        String body = response.asString();

        assertThat(response.statusCode()).as("%s: %s", request.name(), body).isEqualTo(request.status());
        assertThat(body).as(request.name()).doesNotContain("Exception").doesNotContain("\tat ");
        if (!request.messageFragment().isEmpty()) {
            assertThat(response.jsonPath().getString("error")).as(request.name()).contains(request.messageFragment());
        }
    }

    @Test
    @Order(3)
    void nothingWasHalfWritten() {
        assertThat(given().get("/api/runs").jsonPath().getList("$")).hasSize(runs);
        assertThat(given().get("/api/calibrations").jsonPath().getList("$")).hasSize(calibrations);
        assertThat(given().get("/api/protocols").jsonPath().getList("$")).hasSize(savedProtocols);
    }
}
