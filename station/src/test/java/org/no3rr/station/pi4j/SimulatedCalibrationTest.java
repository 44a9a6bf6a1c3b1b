package org.no3rr.station.pi4j;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

/** On the default simulated backend the calibration endpoints say what they are for. */
@QuarkusTest
class SimulatedCalibrationTest extends AuthenticatedApiTest {

    private static final String ONLY_PI4J = "calibration applies to the pi4j backend (station.hal.backend=pi4j);"
            + " this station runs the 'simulated' backend, whose instruments need no calibration";

    @Test
    void everyCalibrationEndpointAnswers409OnTheSimulator() {
        given().get("/api/channels/ch1/calibration").then().statusCode(409).body("error", equalTo(ONLY_PI4J));
        given().contentType(ContentType.JSON).body("{\"trueValue\": 1.0}")
                .post("/api/channels/ch1/calibration/voltage/points").then().statusCode(409).body("error", equalTo(ONLY_PI4J));
        given().post("/api/channels/ch1/calibration/voltage/apply").then().statusCode(409);
        given().delete("/api/channels/ch1/calibration/voltage").then().statusCode(409);
    }
}
