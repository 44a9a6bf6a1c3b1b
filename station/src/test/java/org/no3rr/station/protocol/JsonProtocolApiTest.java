package org.no3rr.station.protocol;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol field of the API takes the text or its JSON form alike. */
@QuarkusTest
class JsonProtocolApiTest extends AuthenticatedApiTest {

    private static final String TEXT = "Rest for 10 min\nRepeat 3 times:\n  Discharge at 5 mA/cm2 until 0.8 V or 2 h\n"
            + "  Charge at 2 mA until 2.4 V\n";
    private static final String JSON = """
            {"steps": [
              {"rest": {"ends": [{"time": {"value": 10, "unit": "min"}}]}},
              {"repeat": {"times": 3, "steps": [
                {"discharge": {"current": {"value": 5, "unit": "mA/cm2"},
                               "ends": [{"voltage": {"value": 0.8, "unit": "V"}}, {"time": {"value": 2, "unit": "h"}}]}},
                {"charge": {"current": {"value": 2, "unit": "mA"}, "ends": [{"voltage": {"value": 2.4, "unit": "V"}}]}}]}}]}""";

    private static JsonPath validate(String protocolField) {
        return given().contentType(ContentType.JSON).body("{\"protocol\": " + protocolField + "}")
                .post("/api/protocols/validate").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aJsonProtocolValidatesToTheSameStepsAsItsText() {
        List<Map<String, Object>> fromText = validate("\"" + TEXT.replace("\n", "\\n") + "\"").getList("steps");
        List<Map<String, Object>> fromJson = validate(JSON).getList("steps");

        assertThat(fromJson).isEqualTo(fromText).hasSize(2);
        assertThat(fromJson.get(1)).containsEntry("kind", "repeat").containsEntry("times", 3);
    }

    @Test
    void anInvalidJsonProtocolNamesThePath() {
        given().contentType(ContentType.JSON)
                .body("{\"protocol\": {\"steps\": [{\"discharge\": {\"current\": {\"value\": 5, \"unit\": \"mA/cm\"}, "
                        + "\"ends\": [{\"voltage\": {\"value\": 0.8, \"unit\": \"V\"}}]}}]}}")
                .post("/api/protocols/validate")
                .then().statusCode(400)
                .body("field", equalTo("protocol"))
                .body("details", hasSize(1))
                .body("details[0]", startsWith("steps[0].discharge.current.unit: 'mA/cm' is not a unit of a current "
                        + "density, a current or a C-rate; allowed: A/cm2, mA/cm2, µA/cm2, A, mA, µA, C (for example: "
                        + "{\"discharge\":"));
    }

    @Test
    void aProtocolThatIsNeitherTextNorAnObjectIsRefused() {
        given().contentType(ContentType.JSON).body("{\"protocol\": 42}")
                .post("/api/protocols/validate")
                .then().statusCode(400)
                .body("field", equalTo("protocol"))
                .body("error", equalTo("protocol must be the protocol text (a string) or its JSON form (an object "
                        + "with \"steps\"), found number"));
    }

    @Test
    void aRunStartedWithAJsonProtocolRunsToDoneAndStoresTheCanonicalText() {
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"ch4\", \"cell\": {\"areaCm2\": 1.0}, \"protocol\": "
                        + "{\"steps\": [{\"rest\": {\"ends\": [{\"time\": {\"value\": 5000, \"unit\": \"ms\"}}]}}]}}")
                .post("/api/runs")
                .then().statusCode(201)
                .body("protocol", equalTo("Rest for 5 s\n"))
                .extract().jsonPath().getLong("id");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/api/runs/" + id).jsonPath().getString("state").equals("DONE"));

        given().get("/api/runs/" + id).then().statusCode(200)
                .body("state", equalTo("DONE"))
                .body("protocol", equalTo("Rest for 5 s\n"));
    }

    @Test
    void textAndJsonConvertIntoEachOther() {
        JsonPath fromText = given().contentType(ContentType.JSON)
                .body("{\"protocol\": \"" + TEXT.replace("\n", "\\n") + "\"}")
                .post("/api/protocols/convert").then().statusCode(200).extract().jsonPath();
        assertThat(fromText.getString("text")).isEqualTo(TEXT);
        assertThat(fromText.getList("json.steps.collect { it.keySet()[0] }")).containsExactly("rest", "repeat");

        given().contentType(ContentType.JSON).body("{\"protocol\": " + JSON + "}")
                .post("/api/protocols/convert").then().statusCode(200)
                .body("text", equalTo(TEXT))
                .body("json.steps[1].repeat.steps[0].discharge.ends.collect { it.keySet()[0] }",
                        contains("voltage", "time"));
    }
}
