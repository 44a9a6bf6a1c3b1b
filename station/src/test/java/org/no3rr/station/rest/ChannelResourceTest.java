package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.no3rr.station.AuthenticatedApiTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

/** The default configuration's channels: two Zn–NO3⁻ batteries, then two H-cells. */
@QuarkusTest
class ChannelResourceTest extends AuthenticatedApiTest {

    @Test
    void listsTheFourDefaultSimulatedChannelsInOrder() {
        given().get("/api/channels").then().statusCode(200)
                .body("id", contains("ch1", "ch2", "ch3", "ch4"))
                .body("cellKind", contains("ZN_NITRATE_BATTERY", "ZN_NITRATE_BATTERY", "H_CELL_ELECTROLYSIS",
                        "H_CELL_ELECTROLYSIS"))
                .body("model", contains("zn-nitrate-battery", "zn-nitrate-battery", "h-cell", "h-cell"));
    }
}
