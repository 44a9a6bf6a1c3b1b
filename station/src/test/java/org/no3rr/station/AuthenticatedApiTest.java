package org.no3rr.station;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.no3rr.station.security.AccessToken;

/**
 * Base of API tests that act as an authenticated client: every request carries the operator's token
 * and, as every change to the station must, {@code Content-Type: application/json} (a body-less POST
 * such as a pause is then a JSON request with an empty body).
 */
public abstract class AuthenticatedApiTest {

    @Inject
    protected AccessToken accessToken;

    @BeforeEach
    protected void sendTheToken() {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + accessToken.value()).setContentType(ContentType.JSON).build();
    }

    @AfterEach
    protected void forgetTheToken() {
        RestAssured.requestSpecification = null;
    }
}
