package org.no3rr.station.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Cross-site request forgery: a page from elsewhere — another port of the Pi is another site to a
 * browser, but the same "site" to its cookies — must not make a logged-in phone change anything.
 * A request that changes state must therefore
 * <ol>
 *   <li>come from the station's own origin, if the browser says where it comes from ({@code Origin},
 *       or failing that {@code Referer}); clients that send neither, like curl with a bearer token, pass;</li>
 *   <li>be {@code Content-Type: application/json}, which an HTML form cannot send and a script from
 *       elsewhere cannot send without a CORS preflight the station never grants.</li>
 * </ol>
 */
final class SameOriginCheck {

    private final List<String> allowedOrigins;

    /** @param allowedOrigins origins besides the station's own, e.g. a reverse proxy's {@code https://station.lab} */
    SameOriginCheck(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(SameOriginCheck::normalise).toList();
    }

    Refusal check(HttpServerRequest request) {
        String what = request.method().name() + " " + request.path();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String referer = request.getHeader(HttpHeaders.REFERER);
        String own = ownOrigin(request);
        if (origin != null) {
            if (!isOwn(origin, own)) {
                return crossOrigin(what, "Origin", origin, own);
            }
        } else if (referer != null && !isOwn(originOf(referer), own)) {
            return crossOrigin(what, "Referer", referer, own);
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !mediaType(type).equals("application/json")) {
            return new Refusal(415, what + " needs 'Content-Type: application/json' with a JSON body (send {} when "
                    + "there is nothing to say); it came " + (type == null ? "without a Content-Type" : "as '" + type + "'")
                    + ". The station refuses other types so that no web form from elsewhere can change it",
                    "Content-Type");
        }
        return null;
    }

    private boolean isOwn(String origin, String own) {
        String normalised = normalise(origin);
        return normalised.equals(own) || allowedOrigins.contains(normalised);
    }

    private static Refusal crossOrigin(String what, String header, String value, String own) {
        return new Refusal(403, "cross-origin request refused: " + what + " came from a page at '" + value
                + "' (" + header + "), not from the station's own page at " + own
                + "; a page from another site or port may not change the station (cross-site request forgery)",
                header);
    }

    /** scheme://host:port of the station as this request addressed it. */
    private static String ownOrigin(HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        return normalise(request.scheme() + "://" + (host == null ? "" : host));
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "invalid:" + url;
        }
    }

    /** Lower case, default ports spelt out, so http://Pi and http://pi:80 are one origin. */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.trim().toLowerCase(Locale.ROOT));
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) {
                return "opaque:" + origin;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return "opaque:" + origin;
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
