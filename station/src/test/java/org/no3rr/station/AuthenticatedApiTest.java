package org.no3rr.station;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.no3rr.station.security.AccessToken;

/** Base of API tests that act as an authenticated client: every request carries the station's token. */
public abstract class AuthenticatedApiTest {

    @Inject
    protected AccessToken accessToken;

    @BeforeEach
    protected void sendTheToken() {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + accessToken.value()).build();
    }

    @AfterEach
    protected void forgetTheToken() {
        RestAssured.requestSpecification = null;
    }
}
