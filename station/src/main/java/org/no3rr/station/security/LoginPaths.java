package org.no3rr.station.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.no3rr.station.rest.ErrorResponse;

import java.util.List;

/** Paths and responses shared by the login endpoint and the authentication filter. */
final class LoginPaths {

    static final String LOGIN = "/api/login";

    private LoginPaths() {
    }

    static Response tooManyFailures(String address, long blockedMillis) {
        long seconds = Math.max(1, (blockedMillis + 999) / 1000);
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).type("application/json")
                .entity(new ErrorResponse(429, "too many failed logins from " + address + "; try again in "
                        + seconds + " s", "Authorization", List.of()))
                .build();
    }
}
