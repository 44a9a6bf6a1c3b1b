package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.no3rr.station.AuthenticatedApiTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Bad input gets a 4xx naming the field and what is allowed, and no run is stored. */
@QuarkusTest
class RunValidationTest extends AuthenticatedApiTest {

    static Stream<Arguments> badRuns() {
        return Stream.of(
                Arguments.of("unknown channel",
                        "{\"channel\":\"ch9\",\"protocol\":\"Rest for 10 min\",\"cell\":{\"areaCm2\":1}}",
                        "channel", "channel 'ch9' does not exist; channels are [ch1, ch2, ch3, ch4]"),
                Arguments.of("missing channel",
                        "{\"protocol\":\"Rest for 10 min\",\"cell\":{\"areaCm2\":1}}",
                        "channel", "channel is required, one of [ch1, ch2, ch3, ch4]"),
                Arguments.of("missing cell",
                        "{\"channel\":\"ch1\",\"protocol\":\"Rest for 10 min\"}",
                        "cell", "cell is required, e.g. {\"areaCm2\": 1.0}"),
                Arguments.of("missing area",
                        "{\"channel\":\"ch1\",\"protocol\":\"Rest for 10 min\",\"cell\":{}}",
                        "cell.areaCm2", "cell.areaCm2 is required: the electrode area in cm², e.g. 1.0"),
                Arguments.of("negative area",
                        "{\"channel\":\"ch1\",\"protocol\":\"Rest for 10 min\",\"cell\":{\"areaCm2\":-2}}",
                        "cell.areaCm2", "cell.areaCm2 must be a number from 1.0E-4 to 10000 cm², was -2.0"),
                Arguments.of("area as a string",
                        "{\"channel\":\"ch1\",\"protocol\":\"Rest for 10 min\",\"cell\":{\"areaCm2\":\"1\"}}",
                        "cell.areaCm2", null),
                Arguments.of("NaN literal",
                        "{\"channel\":\"ch1\",\"protocol\":\"Rest for 10 min\",\"cell\":{\"areaCm2\":NaN}}",
                        "cell", null),
                Arguments.of("unknown cell field",
                        "{\"channel\":\"ch1\",\"protocol\":\"Rest for 10 min\",\"cell\":{\"areaCm2\":1,\"area\":2}}",
                        "cell.area", null),
                Arguments.of("malformed JSON",
                        "{\"channel\":\"ch1\",",
                        "body", null),
                Arguments.of("body is an array",
                        "[1,2]",
                        "body", null),
                Arguments.of("missing protocol",
                        "{\"channel\":\"ch1\",\"cell\":{\"areaCm2\":1}}",
                        "protocol", "protocol is required, e.g. \"Discharge at 5 mA/cm2 until 0.8 V or 2 h\""),
                Arguments.of("protocol error",
                        "{\"channel\":\"ch1\",\"protocol\":\"Rest for 10 min\\nDischarge at five mA\",\"cell\":{\"areaCm2\":1}}",
                        "protocol", null),
                Arguments.of("current above the channel's rating",
                        "{\"channel\":\"ch1\",\"protocol\":\"Discharge at 80 mA/cm2 for 1 min\",\"cell\":{\"areaCm2\":1}}",
                        "protocol", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRuns")
    void refusesABadRunNamingTheField(String name, String body, String field, String exactMessage) {
        int runsBefore = given().get("/api/runs").jsonPath().getList("$").size();

        var response = given().contentType(ContentType.JSON).body(body).post("/api/runs")
                .then().statusCode(400)
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .extract().jsonPath();
        if (exactMessage != null) {
            assertThat(response.getString("error")).isEqualTo(exactMessage);
        }
        assertThat(response.getString("error")).doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(given().get("/api/runs").jsonPath().getList("$")).hasSize(runsBefore);
    }

    @Test
    void aProtocolErrorNamesItsLine() {
        given().contentType(ContentType.JSON)
                .body("{\"channel\":\"ch2\",\"protocol\":\"Rest for 10 min\\nDischarge at five mA\",\"cell\":{\"areaCm2\":1}}")
                .post("/api/runs")
                .then().statusCode(400)
                .body("details[0]", containsString("line 2"));
    }

    @Test
    void aCurrentAboveTheRatingNamesTheRating() {
        given().contentType(ContentType.JSON)
                .body("{\"channel\":\"ch2\",\"protocol\":\"Discharge at 80 mA/cm2 for 1 min\",\"cell\":{\"areaCm2\":1}}")
                .post("/api/runs")
                .then().statusCode(400)
                .body("details[0]", containsString("line 1"))
                .body("details[0]", containsString("50 mA"));
    }

    @Test
    void anUnknownRunIs404() {
        given().get("/api/runs/987654321").then().statusCode(404)
                .body("error", equalTo("run 987654321 does not exist"));
    }

    @Test
    void anUnknownExportFormatIsRefused() {
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\":\"ch3\",\"protocol\":\"Rest for 2 s\",\"cell\":{\"areaCm2\":1}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        given().queryParam("format", "xlsx").get("/api/runs/" + id + "/export")
                .then().statusCode(400)
                .body("field", equalTo("format"))
                .body("error", equalTo("format 'xlsx' is not supported; allowed: csv, bdf, json, cycles, pack"));
    }

    @Test
    void answeringWithoutAPendingPromptIsAConflict() {
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\":\"ch4\",\"protocol\":\"Rest for 2 s\",\"cell\":{\"areaCm2\":1}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body("{\"answer\":\"yes\"}").post("/api/runs/" + id + "/answer")
                .then().statusCode(409)
                .body("error", containsString("only a WAITING_FOR_ANSWER run can be answered"));
    }
}
