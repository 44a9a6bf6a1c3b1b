package org.no3rr.station.security;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.validation.Check;

import java.time.Instant;
import java.util.Optional;

/**
 * The phone's login: it sends a token once — the operator's or the viewer's — and gets a session
 * cookie (HttpOnly, SameSite=Strict, Secure over HTTPS), so no token is stored in the browser; the
 * session has the token's role. {@code GET /api/session} tells the page which role it has.
 */
@Path("/api")
public class LoginResource {

    /** Body of {@code POST /api/login}. */
    public record LoginRequest(String token) {
    }

    /**
     * Who the caller is: its role, whether it came with a session cookie or a bearer token, and when
     * its session ends unless used again (null for a bearer token).
     */
    public record SessionView(String role, String via, Instant expiresAt) {
    }

    @Inject
    AccessToken tokens;

    @Inject
    SessionStore sessions;

    @Inject
    LoginRateLimiter limiter;

    @Inject
    StationConfig config;

    @POST
    @Path("login")
    public Response login(LoginRequest request, RoutingContext context) {
        String address = HttpGuard.clientAddress(context.request());
        long blocked = limiter.blockedForMillis(address);
        if (blocked > 0) {
            return Authenticator.tooManyFailures(address, blocked).toResponse();
        }
        String token = request == null ? null : Check.text("token", request.token(), org.no3rr.station.validation.Ranges.TOKEN_CHARS);
        Optional<Role> role = tokens.roleOf(token);
        if (role.isEmpty()) {
            limiter.recordFailure(address, token);
            return new Refusal(401, "token is not one of the station's tokens (the operator's is in the data directory, "
                    + "file " + Role.OPERATOR.fileName() + ", the viewer's in " + Role.VIEWER.fileName()
                    + "; either may have been rotated)", "token").toResponse();
        }
        String session = sessions.create(role.get());
        long maxAge = config.security().sessionLifetime().toSeconds();
        return Response.ok(new SessionView(role.get().id(), "cookie", sessions.expiresAtMs(session).map(Instant::ofEpochMilli)
                        .orElse(null)))
                .header(HttpHeaders.SET_COOKIE, SessionCookies.issued(session, maxAge, context.request().isSSL()))
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(RoutingContext context) {
        io.vertx.core.http.Cookie cookie = context.request().getCookie(Authenticator.SESSION_COOKIE);
        if (cookie != null) {
            sessions.delete(cookie.getValue());
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, SessionCookies.cleared(context.request().isSSL())).build();
    }

    @GET
    @Path("session")
    public SessionView session(RoutingContext context) {
        Role role = HttpGuard.role(context).orElseThrow(() -> new IllegalStateException("the guard authenticates /api"));
        io.vertx.core.http.Cookie cookie = context.request().getCookie(Authenticator.SESSION_COOKIE);
        boolean bearer = context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        Instant expires = bearer || cookie == null ? null
                : sessions.expiresAtMs(cookie.getValue()).map(Instant::ofEpochMilli).orElse(null);
        return new SessionView(role.id(), bearer ? "token" : "cookie", expires);
    }
}
