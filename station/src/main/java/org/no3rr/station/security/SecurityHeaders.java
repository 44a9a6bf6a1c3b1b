package org.no3rr.station.security;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;

/**
 * Headers every answer carries, set just before they are written:
 * <ul>
 *   <li>a Content-Security-Policy that allows the page's own scripts, styles and connections only —
 *       no inline script, no other site, no framing — with {@code X-Frame-Options} for old browsers,
 *       {@code nosniff} and {@code Referrer-Policy: no-referrer};</li>
 *   <li>caching: the page and its scripts are revalidated on every load ({@code no-cache}), so an
 *       upgrade reaches phones at once; only the versioned libraries under {@code /webjars/} are
 *       immutable; API answers are never stored ({@code no-store});</li>
 *   <li>{@code Location} as a path, never an absolute URL built from the request's {@code Host}.</li>
 * </ul>
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void addTo(RoutingContext context) {
        String path = context.request().path();
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set(HttpHeaders.CACHE_CONTROL, cacheControl(path, headers.get(HttpHeaders.CACHE_CONTROL)));
            String location = headers.get(HttpHeaders.LOCATION);
            if (location != null) {
                headers.set(HttpHeaders.LOCATION, relative(location));
            }
        });
    }

    static String cacheControl(String path, String current) {
        if (path.startsWith("/webjars/") && current != null) {
            return current;
        }
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return "no-store";
        }
        return "no-cache";
    }

    /** {@code http://host:8080/api/runs/7} becomes {@code /api/runs/7}. */
    static String relative(String location) {
        try {
            URI uri = URI.create(location);
            if (!uri.isAbsolute()) {
                return location;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
