package org.no3rr.station.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.util.Optional;

/**
 * Who a request speaks for: a token as {@code Authorization: Bearer <token>}, or a session cookie
 * from {@code POST /api/login}. Reads memory only, so it runs on the event loop before any body is
 * read. Every wrong token and every invalid session cookie counts against the address in the
 * {@link LoginRateLimiter}; a blocked address is refused whatever it sends.
 */
final class Authenticator {

    static final String SESSION_COOKIE = "no3rr_session";
    private static final String BEARER = "Bearer ";

    /** The outcome: a role, or a refusal. */
    record Outcome(Role role, Refusal refusal) {
    }

    private final AccessToken tokens;
    private final SessionStore sessions;
    private final LoginRateLimiter limiter;

    Authenticator(AccessToken tokens, SessionStore sessions, LoginRateLimiter limiter) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    Outcome authenticate(HttpServerRequest request, String address) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Cookie session = request.getCookie(SESSION_COOKIE);
        if (authorization == null && session == null) {
            return refused(unauthorized("authentication required: send 'Authorization: Bearer <token>' (the operator's "
                    + "token is in the station's data directory, file " + Role.OPERATOR.fileName() + ", the viewer's in "
                    + Role.VIEWER.fileName() + ") or log in with POST " + AccessRules.LOGIN));
        }
        long blocked = limiter.blockedForMillis(address);
        if (blocked > 0) {
            return refused(tooManyFailures(address, blocked));
        }
        if (authorization != null) {
            Optional<Role> role = authorization.startsWith(BEARER)
                    ? tokens.roleOf(authorization.substring(BEARER.length())) : Optional.empty();
            if (role.isPresent()) {
                return new Outcome(role.get(), null);
            }
            limiter.recordFailure(address, authorization);
            return refused(unauthorized(authorization.startsWith(BEARER)
                    ? "the bearer token is not one of the station's tokens (it may have been rotated)"
                    : "the Authorization header must be 'Bearer <token>'"));
        }
        Optional<Role> role = sessions.use(session.getValue());
        if (role.isPresent()) {
            return new Outcome(role.get(), null);
        }
        limiter.recordFailure(address, session.getValue());
        return refused(unauthorized("the session has expired, was logged out or its token was rotated; log in again "
                + "with POST " + AccessRules.LOGIN).withHeader("Set-Cookie", SessionCookies.cleared(request.isSSL())));
    }

    static Refusal tooManyFailures(String address, long blockedMillis) {
        long seconds = Math.max(1, (blockedMillis + 999) / 1000);
        return new Refusal(429, "too many failed logins from " + address + "; try again in " + seconds + " s",
                "Authorization").withHeader("Retry-After", Long.toString(seconds));
    }

    private static Refusal unauthorized(String message) {
        return new Refusal(401, message, "Authorization")
                .withHeader("WWW-Authenticate", "Bearer realm=\"no3rr-station\"");
    }

    private static Outcome refused(Refusal refusal) {
        return new Outcome(null, refusal);
    }
}
