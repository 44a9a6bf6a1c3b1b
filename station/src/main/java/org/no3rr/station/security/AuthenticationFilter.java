package org.no3rr.station.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.no3rr.station.rest.ErrorResponse;

import java.util.List;

/**
 * Every {@code /api} request but the login needs the access token as a bearer token or a session
 * cookie from {@code POST /api/login}. Health and metrics under {@code /q} stay open. A wrong
 * token counts as a failed login for the rate limit.
 */
public class AuthenticationFilter {

    public static final String SESSION_COOKIE = "no3rr_session";
    private static final String BEARER = "Bearer ";

    @Inject
    AccessToken token;

    @Inject
    SessionStore sessions;

    @Inject
    LoginRateLimiter limiter;

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext context, HttpServerRequest request) {
        String path = context.getUriInfo().getPath();
        if (!path.startsWith("/api/") || path.equals(LoginPaths.LOGIN)) {
            return null;
        }
        String address = clientAddress(request);
        String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return checkBearer(authorization, address);
        }
        Cookie session = context.getCookies().get(SESSION_COOKIE);
        if (session != null && sessions.isValid(session.getValue())) {
            return null;
        }
        return unauthorized(session == null
                ? "authentication required: send 'Authorization: Bearer <token>' (the token is in the station's "
                  + "data directory, file " + AccessToken.FILE_NAME + ") or log in with POST " + LoginPaths.LOGIN
                : "the session has expired or was logged out; log in again with POST " + LoginPaths.LOGIN);
    }

    private Response checkBearer(String authorization, String address) {
        long blocked = limiter.blockedForMillis(address);
        if (blocked > 0) {
            return LoginPaths.tooManyFailures(address, blocked);
        }
        if (authorization.startsWith(BEARER) && token.matches(authorization.substring(BEARER.length()))) {
            return null;
        }
        limiter.recordFailure(address);
        return unauthorized(authorization.startsWith(BEARER)
                ? "the bearer token is not the station's access token"
                : "the Authorization header must be 'Bearer <token>'");
    }

    static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static Response unauthorized(String message) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"no3rr-station\"")
                .type("application/json").entity(new ErrorResponse(401, message, "Authorization", List.of())).build();
    }
}
