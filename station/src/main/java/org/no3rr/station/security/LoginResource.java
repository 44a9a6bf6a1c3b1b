package org.no3rr.station.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.no3rr.station.rest.ErrorResponse;

import java.util.List;

/**
 * The phone's login: it sends the access token once and gets a session cookie (HttpOnly,
 * SameSite=Strict), so the token need not be stored in the browser.
 */
@Path("/api")
public class LoginResource {

    /** Body of {@code POST /api/login}. */
    public record LoginRequest(String token) {
    }

    @Inject
    AccessToken token;

    @Inject
    SessionStore sessions;

    @Inject
    LoginRateLimiter limiter;

    @POST
    @Path("login")
    public Response login(LoginRequest request, @Context HttpServerRequest http) {
        String address = AuthenticationFilter.clientAddress(http);
        long blocked = limiter.blockedForMillis(address);
        if (blocked > 0) {
            return LoginPaths.tooManyFailures(address, blocked);
        }
        if (request == null || !token.matches(request.token())) {
            limiter.recordFailure(address);
            return Response.status(401).type("application/json").entity(new ErrorResponse(401,
                    "token is not the station's access token (it is in the data directory, file "
                            + AccessToken.FILE_NAME + ")", "token", List.of())).build();
        }
        return Response.noContent().cookie(sessionCookie(sessions.create(), (int) SessionStore.LIFETIME.toSeconds()))
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(AuthenticationFilter.SESSION_COOKIE) String session) {
        sessions.delete(session);
        return Response.noContent().cookie(sessionCookie("", 0)).build();
    }

    /** Not {@code Secure}: the station is served over plain HTTP on the lab network. */
    private static NewCookie sessionCookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(AuthenticationFilter.SESSION_COOKIE).value(value).path("/")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAgeSeconds).build();
    }
}
