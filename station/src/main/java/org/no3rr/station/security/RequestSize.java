package org.no3rr.station.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.util.Map;

/**
 * The size of a request, judged from its head before any body is read: the URI, the headers, and
 * the body its {@code Content-Length} declares against the route's limit ({@link AccessRules#bodyLimit}).
 * A body must declare its length — chunked uploads are refused — so no request can make the station
 * buffer more than its route allows. Vert.x itself refuses, without this JSON, heads beyond twice
 * these limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}).
 */
final class RequestSize {

    /** Longest request URI, path and query together. */
    static final int MAX_URI = 4096;
    /** Largest request head: every header's name and value. */
    static final int MAX_HEADERS = 16 * 1024;

    private RequestSize() {
    }

    static Refusal check(HttpServerRequest request) {
        String uri = request.uri();
        if (uri.length() > MAX_URI) {
            return new Refusal(414, "the request URI has " + uri.length() + " characters; at most " + MAX_URI
                    + " are allowed", "uri");
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS) {
            return new Refusal(431, "the request headers take " + headerBytes + " bytes; at most " + MAX_HEADERS
                    + " are allowed", "headers");
        }
        long limit = AccessRules.bodyLimit(request.method(), request.path());
        String what = request.method().name() + " " + request.path();
        String transferEncoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding != null) {
            return new Refusal(411, what + " must send its body with a Content-Length (Transfer-Encoding '"
                    + transferEncoding + "' is not accepted), of at most " + AccessRules.describe(limit), "Content-Length");
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return null;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return new Refusal(400, "Content-Length must be a number of bytes, was '" + declared + "'", "Content-Length");
        }
        if (length > limit) {
            return new Refusal(413, what + " accepts a body of at most " + AccessRules.describe(limit) + "; this one declares "
                    + length + " bytes", "Content-Length");
        }
        return null;
    }
}
