package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Checking a protocol before a run, the templates, and saved protocols. */
@QuarkusTest
class ProtocolResourceTest extends AuthenticatedApiTest {

    @Test
    void aValidProtocolComesBackAsItsParsedSteps() {
        given().contentType(ContentType.JSON)
                .body("{\"protocol\":\"Rest for 10 min\\nRepeat 3 times:\\n  Discharge at 5 mA/cm2 until 0.8 V or 2 h\\n"
                        + "  Charge at 2 mA until 2.4 V\"}")
                .post("/api/protocols/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("steps", hasSize(2))
                .body("steps[0].line", equalTo(1))
                .body("steps[0].kind", equalTo("rest"))
                .body("steps[0].text", equalTo("Rest for 10 min"))
                .body("steps[0].times", nullValue())
                .body("steps[1].kind", equalTo("repeat"))
                .body("steps[1].times", equalTo(3))
                .body("steps[1].steps.line", hasItems(3, 4))
                .body("steps[1].steps[0].kind", equalTo("constant-current"))
                .body("steps[1].steps[1].text", equalTo("Charge at 2 mA until 2.4 V"));
    }

    @Test
    void anInvalidProtocolNamesTheLine() {
        given().contentType(ContentType.JSON).body("{\"protocol\":\"Rest for 10 min\\nDischarge at lots\"}")
                .post("/api/protocols/validate")
                .then().statusCode(400)
                .body("field", equalTo("protocol"))
                .body("details[0]", containsString("line 2"));
    }

    @Test
    void aPotentialHoldOnABatteryChannelIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"protocol\":\"Rest for 1 min\\nHold at -0.1 V vs RHE for 1 h\",\"channel\":\"ch1\","
                        + "\"cell\":{\"areaCm2\":1,\"ph\":7}}")
                .post("/api/protocols/validate")
                .then().statusCode(400)
                .body("details[0]", containsString("line 2"))
                .body("details[0]", containsString("channel ch1 (zn-nitrate-battery) has no potential control"));
    }

    @Test
    void theTemplatesCoverTheSeedsTests() {
        given().get("/api/templates").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(10))
                .body("id", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.matchesPattern("[a-z0-9-]+")));
    }

    @Test
    void aSavedProtocolCanBeReadChangedAndDeleted() {
        String location = given().contentType(ContentType.JSON)
                .body("{\"name\":\"My discharge\",\"protocol\":\"Discharge at 5 mA/cm2 until 0.8 V\"}")
                .post("/api/protocols")
                .then().statusCode(201).body("name", equalTo("My discharge"))
                .extract().header("Location");
        String path = location.substring(location.indexOf("/api/"));

        given().get(path).then().statusCode(200).body("text", equalTo("Discharge at 5 mA/cm2 until 0.8 V"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"My discharge at 7\",\"protocol\":\"Discharge at 7 mA/cm2 until 0.8 V\"}")
                .put(path).then().statusCode(200).body("name", equalTo("My discharge at 7"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Broken\",\"protocol\":\"Discharge at\"}")
                .put(path).then().statusCode(400).body("field", equalTo("protocol"));
        given().get(path).then().body("text", equalTo("Discharge at 7 mA/cm2 until 0.8 V"));
        given().delete(path).then().statusCode(204);
        given().get(path).then().statusCode(404).body("error", containsString("does not exist"));
    }

    @Test
    void aSavedProtocolNeedsAName() {
        given().contentType(ContentType.JSON).body("{\"name\":\" \",\"protocol\":\"Rest for 1 min\"}")
                .post("/api/protocols")
                .then().statusCode(400).body("field", equalTo("name"));
    }
}
