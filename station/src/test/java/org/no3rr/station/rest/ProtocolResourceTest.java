package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

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
                .body("steps[1].steps[0].kind", equalTo("discharge"))
                .body("steps[1].steps[1].kind", equalTo("charge"))
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
    void withoutAChannelOnlyTheGrammarAndPhysicsAreChecked() {
        given().contentType(ContentType.JSON)
                .body("{\"protocol\":\"Discharge at 2 W for 10 minutes\\nHold at 4.1 V until 50 mA\"}")
                .post("/api/protocols/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("checkedAgainst", nullValue())
                .body("ratingProblems", hasSize(0))
                .body("steps.kind", contains("discharge", "voltage_hold"))
                .body("outline.steps.canonical", contains("Discharge at 2000 mW for 10 min", "Hold at 4.1 V until 50 mA"));
    }

    @Test
    void forAChannelTheRatingProblemsAreListedApartAndNameTheRating() {
        given().contentType(ContentType.JSON)
                .body("{\"protocol\":\"Rest for 1 hour\\nDischarge at 2 W for 10 minutes\\nHold at 4.1 V until 50 mA\","
                        + "\"channel\":\"ch1\",\"cell\":{\"areaCm2\":1}}")
                .post("/api/protocols/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("checkedAgainst", equalTo("ch1"))
                .body("ratingProblems.line", contains(2, 3))
                .body("ratingProblems[0].message", equalTo("line 2: 2000 mW exceeds the channel's rating of ±50 mA at "
                        + "up to 2.6 V (130 mW)"))
                .body("ratingProblems[1].message", equalTo("line 3: the voltage to hold 4.1 V is outside the channel's "
                        + "voltage window 0 V to 2.6 V"))
                .body("ratingProblems[1].example", equalTo("Charge at 2 mA until 2.6 V"));
    }

    @Test
    void aCRateIsCheckedWithTheCellsNominalCapacity() {
        given().contentType(ContentType.JSON)
                .body("{\"protocol\":\"Discharge at 2C until 0.8 V\",\"channel\":\"ch1\","
                        + "\"cell\":{\"areaCm2\":1,\"nominalCapacityAh\":0.030}}")
                .post("/api/protocols/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("ratingProblems[0].message", equalTo("line 1: 60 mA (2C of 30 mAh) exceeds the channel's rating "
                        + "of ±50 mA"));
        given().contentType(ContentType.JSON)
                .body("{\"protocol\":\"Discharge at 1C until 0.8 V\",\"channel\":\"ch1\","
                        + "\"cell\":{\"areaCm2\":1,\"nominalCapacityAh\":0.030}}")
                .post("/api/protocols/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("ratingProblems", hasSize(0));
    }

    @Test
    void aPotentialHoldOnABatteryChannelIsAProblemOfThatChannel() {
        given().contentType(ContentType.JSON)
                .body("{\"protocol\":\"Rest for 1 min\\nHold at -0.1 V vs RHE for 1 h\",\"channel\":\"ch1\","
                        + "\"cell\":{\"areaCm2\":1,\"ph\":7}}")
                .post("/api/protocols/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("ratingProblems[0].line", equalTo(2))
                .body("ratingProblems[0].message", containsString("channel ch1 (zn-nitrate-battery) has no potential control"));
    }

    @Test
    void aCellVoltageHoldOnAnHCellChannelIsAProblemOfThatChannel() {
        given().contentType(ContentType.JSON)
                .body("{\"protocol\":\"Hold at -0.1 V for 1 h\",\"channel\":\"ch3\",\"cell\":{\"areaCm2\":1,\"ph\":7}}")
                .post("/api/protocols/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("ratingProblems[0].message", equalTo("line 1: 'Hold at -0.1 V for 1 h' holds the cell voltage, "
                        + "but channel ch3 (h-cell) holds the working electrode's potential; write it vs RHE or Ag/AgCl"));
    }

    @Test
    void whatValidatesForAChannelRunsOnIt() {
        String body = "{\"channel\":\"ch2\",\"protocol\":\"Rest for 1 min\\nCharge at 5 mA until 2.4 V then hold until "
                + "1 mA or 2 min\",\"cell\":{\"areaCm2\":1}}";
        given().contentType(ContentType.JSON).body(body).post("/api/protocols/validate")
                .then().statusCode(200).body("valid", equalTo(true));

        long id = given().contentType(ContentType.JSON).body(body).post("/api/runs")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().post("/api/runs/" + id + "/stop").then().statusCode(202);
    }

    @Test
    void aRunAtACRateStartsAndKeepsTheCellsNominalCapacity() {
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\":\"ch2\",\"protocol\":\"Discharge at C/2 for 2 s\","
                        + "\"cell\":{\"areaCm2\":1,\"nominalCapacityAh\":0.02},\"queue\":true}")
                .post("/api/runs")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        given().get("/api/runs/" + id).then().statusCode(200).body("cell.nominalCapacityAh", equalTo(0.02f));
        given().post("/api/runs/" + id + "/stop");
    }

    @Test
    void theOutlineGivesThePageItsRowsPlannedTimesAndCycles() {
        given().contentType(ContentType.JSON)
                .body("{\"protocol\":\"Rest for 10 min\\nRepeat 3 times:\\n  Discharge at 5 mA/cm2 for 10 min\\n"
                        + "  Ask \\\"Sample\\\"\\n  Polarize from 0 to 3 mA in steps of 1 mA, 1 min each, until 0.2 V\"}")
                .post("/api/protocols/outline")
                .then().statusCode(200)
                .body("title", equalTo("Rest for 10 min"))
                .body("totalCycles", equalTo(3))
                .body("plannedMillis", equalTo(600_000 + 3 * (600_000 + 240_000)))
                .body("plannedExact", equalTo(false))
                .body("steps.line", contains(1, 2, 3, 4, 5))
                .body("steps.depth", contains(0, 0, 1, 1, 1))
                .body("steps.kind", contains("rest", "repeat", "discharge", "ask", "polarization"))
                .body("steps.plannedMillis", contains(600_000, 2_520_000, 600_000, 0, 240_000))
                .body("steps.plannedExact", contains(true, false, true, true, false))
                .body("steps.times", contains(null, 3, null, null, null));
    }

    @Test
    void anOutlineOfABrokenProtocolNamesTheLine() {
        given().contentType(ContentType.JSON).body("{\"protocol\":\"Rest for 1 min\\nDischarge at lots\"}")
                .post("/api/protocols/outline")
                .then().statusCode(400)
                .body("field", equalTo("protocol"))
                .body("details[0]", startsWith("line 2: "));
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
