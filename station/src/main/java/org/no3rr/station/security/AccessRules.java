package org.no3rr.station.security;

import io.vertx.core.http.HttpMethod;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each request may do, by method and path alone: which routes need a token, what a viewer may
 * do, and how large a body each route accepts. Pure rules, decided before a byte of the body is read;
 * the limits are listed for users in docs/security.md.
 */
final class AccessRules {

    static final String LOGIN = "/api/login";
    static final String LOGOUT = "/api/logout";

    /** The login's body is a token: a few hundred bytes. */
    static final long LOGIN_BODY = 4 * 1024;
    /** Pause, resume, stop, an answer, a calibration point, a rotation, a logout: a short JSON object. */
    static final long CONTROL_BODY = 16 * 1024;
    /** A sample reading or a calibration's standards. */
    static final long DOCUMENT_BODY = 64 * 1024;
    /** A run or a saved protocol: up to 100,000 characters of protocol text, or its JSON form. */
    static final long PROTOCOL_BODY = 1024 * 1024;
    /** A GET carries no body; a few bytes of slack for clients that send an empty one anyway. */
    static final long NO_BODY = 1024;

    private static final Set<String> VIEWER_POSTS = Set.of(LOGOUT,
            "/api/protocols/outline", "/api/protocols/validate", "/api/protocols/convert");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Pattern PROTOCOL_ROUTES = Pattern.compile("/api/runs|/api/protocols(/[^/]+)?");
    private static final Pattern DOCUMENT_ROUTES = Pattern.compile(
            "/api/runs/[^/]+/readings|/api/calibrations|/api/channels/[^/]+/calibration/[^/]+/points");

    private AccessRules() {
    }

    static boolean isSafe(HttpMethod method) {
        return SAFE.contains(method);
    }

    /** The API, metrics and the API description need a token or a session; the page and health do not. */
    static boolean needsCredentials(String path) {
        if (path.startsWith("/api/")) {
            return !path.equals(LOGIN);
        }
        return path.startsWith("/q/") && !isHealth(path);
    }

    /** Monitoring's health checks: open, and answered whatever else a client address is doing. */
    static boolean isHealth(String path) {
        return path.equals("/q/health") || path.startsWith("/q/health/");
    }

    /** A request that changes the station: it must come as JSON from the station's own page or a token holder. */
    static boolean changesState(HttpMethod method, String path) {
        return !isSafe(method) && path.startsWith("/api/");
    }

    /**
     * A viewer reads; the only thing it may change is to end its own session. Outlining, checking
     * or converting a protocol are POSTs only because the text travels in the body: they
     * change nothing, and the page needs the outline to show any run's progress.
     */
    static boolean viewerMay(HttpMethod method, String path) {
        return isSafe(method) || (method == HttpMethod.POST && VIEWER_POSTS.contains(path));
    }

    /** The largest body the route accepts, in bytes. */
    static long bodyLimit(HttpMethod method, String path) {
        if (isSafe(method)) {
            return NO_BODY;
        }
        if (path.equals(LOGIN)) {
            return LOGIN_BODY;
        }
        if ((method == HttpMethod.POST || method == HttpMethod.PUT) && PROTOCOL_ROUTES.matcher(path).matches()) {
            return PROTOCOL_BODY;
        }
        if (DOCUMENT_ROUTES.matcher(path).matches()) {
            return DOCUMENT_BODY;
        }
        return CONTROL_BODY;
    }

    static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
