package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** The API describes itself at /q/openapi and reports Prometheus metrics at /q/metrics. */
@QuarkusTest
class OperationsEndpointsTest extends AuthenticatedApiTest {

    @Test
    void theOpenApiDocumentDescribesTheRunsAndChannels() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"/api/runs\""))
                .body(containsString("\"/api/runs/{id}/export\""))
                .body(containsString("\"/api/channels\""))
                .body(containsString("NO3RR station API"));
    }

    @Test
    void prometheusMetricsCountTheRequestsServed() {
        given().get("/api/channels").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/channels\""));
    }
}
