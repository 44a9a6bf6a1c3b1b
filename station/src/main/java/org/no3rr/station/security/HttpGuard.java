package org.no3rr.station.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.station.config.StationConfig;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The door every HTTP request passes before anything reads its body, in this order: security headers
 * for the answer, the client address's connection count, the request's size, the same-origin rule
 * for changes, then who it speaks for and whether that role may do it. A refusal answers at once with
 * the API's JSON error and never reads the body; a request let through has a deadline for its body.
 * Before any request, {@link AcceptGuard} bounds each connection from its accept: the connections an
 * address may open, and the time to send a request head.
 * Checks here read memory only: they run on the HTTP event loop.
 */
@ApplicationScoped
public class HttpGuard {

    /** Where the request's role is kept for the resources ({@link #role(RoutingContext)}). */
    static final String ROLE = HttpGuard.class.getName() + ".role";

    @Inject
    AccessToken tokens;

    @Inject
    SessionStore sessions;

    @Inject
    LoginRateLimiter limiter;

    @Inject
    StationConfig config;

    @Inject
    ObjectMapper json;

    /** An address may hold this many times its request-counted connections before new ones are closed at accept. */
    static final int ACCEPT_CEILING = 2;
    private static final Logger LOG = Logger.getLogger(HttpGuard.class);

    private final AtomicBoolean warnedNoDeadline = new AtomicBoolean();
    private ConnectionLimits connections;
    private SameOriginCheck sameOrigin;
    private Authenticator authenticator;

    void install(@Observes Router router) {
        StationConfig.Security security = config.security();
        connections = new ConnectionLimits(security.maxConnectionsPerAddress(), security.bodyReadTimeout());
        AcceptGuard.configure(new AcceptGuard.Limits(ACCEPT_CEILING * security.maxConnectionsPerAddress(),
                security.headTimeout()));
        sameOrigin = new SameOriginCheck(security.allowedOrigins().orElse(List.of()));
        authenticator = new Authenticator(tokens, sessions, limiter);
        // Before every handler Quarkus installs, body handlers included.
        router.route().order(Integer.MIN_VALUE).handler(this::guard);
    }

    /** Connections the address holds open now, as the per-address cap counts them (for tests). */
    int openConnectionsFrom(String address) {
        return connections.openFrom(address);
    }

    /** The role the request was authenticated as; empty on open routes. */
    public static Optional<Role> role(RoutingContext context) {
        return Optional.ofNullable(context.get(ROLE));
    }

    static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        watchHead(context, request);
        SecurityHeaders.addTo(context);
        Refusal refusal = firstRefusal(context, request, clientAddress(request));
        if (refusal != null) {
            refusal.send(context, json);
            return;
        }
        connections.watchBody(context);
        context.next();
    }

    /** The connection's head deadline pauses while this request is answered. */
    private void watchHead(RoutingContext context, HttpServerRequest request) {
        HeadDeadline deadline = HeadDeadline.of(request);
        if (deadline != null) {
            deadline.headArrived();
            context.addEndHandler(ended -> deadline.responseEnded());
        } else if (request.connection() != null && warnedNoDeadline.compareAndSet(false, true)) {
            LOG.warnf("HTTP connections have no request-head deadline and are counted per address only from their "
                    + "first request: Netty did not load %s (the station's main turns on -D%s=serviceload; "
                    + "@QuarkusTest and dev mode load Netty apart from the station's classes)",
                    AcceptGuard.class.getSimpleName(), AcceptGuard.NETTY_EXTENSIONS);
        }
    }

    private Refusal firstRefusal(RoutingContext context, HttpServerRequest request, String address) {
        Refusal refusal = plainPath(context);
        if (refusal == null) {
            refusal = connections.admit(request, address);
        }
        if (refusal == null) {
            refusal = RequestSize.check(request);
        }
        if (refusal == null && AccessRules.changesState(request.method(), request.path())) {
            refusal = sameOrigin.check(request);
        }
        if (refusal != null || !AccessRules.needsCredentials(request.path())) {
            return refusal;
        }
        Authenticator.Outcome outcome = authenticator.authenticate(request, address);
        context.put(ROLE, outcome.role());
        return outcome.refusal() != null ? outcome.refusal() : permit(outcome.role(), request);
    }

    /** Routes, rules and metrics see one spelling of each path: {@code /a/../b} or {@code /%61} are refused. */
    private static Refusal plainPath(RoutingContext context) {
        String path = context.request().path();
        if (path != null && path.equals(context.normalizedPath())) {
            return null;
        }
        return new Refusal(400, "the path '" + path + "' is not in its plain form (dot segments or needlessly "
                + "encoded characters); send '" + context.normalizedPath() + "'", "path");
    }

    private static Refusal permit(Role role, HttpServerRequest request) {
        if (role == Role.VIEWER && !AccessRules.viewerMay(request.method(), request.path())) {
            return new Refusal(403, "the viewer token is read-only: " + request.method().name() + " " + request.path()
                    + " needs the operator's token", "Authorization");
        }
        return null;
    }
}
