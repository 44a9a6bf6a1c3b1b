package org.no3rr.station.security;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * Keeps the {@code uri} tag of the HTTP metrics to a bounded set: a route's template, a file the page
 * is made of, a fixed management path, or one of {@code NOT_FOUND}, {@code REDIRECTION} and
 * {@code UNMATCHED}. Without this, every junk path a client sends that is answered with something
 * other than 404 — a 401, a 414, a health group that does not exist — would become a tag of its own
 * until the metrics' tag limit is used up and real routes go unrecorded.
 */
@Singleton
public class BoundedUriTags implements HttpServerMetricsTagsContributor {

    static final String UNMATCHED = "UNMATCHED";
    private static final Pattern PLAIN_FILE_PATH = Pattern.compile("(/[A-Za-z0-9_][A-Za-z0-9_.-]*){0,6}/?");
    private static final Tags UNMATCHED_TAG = Tags.of("uri", UNMATCHED);

    @Override
    public Tags contribute(Context context) {
        if (context.requestContextLocalData("UrlPathTemplate") != null) {
            return Tags.empty();
        }
        int status = context.response() == null ? 0 : context.response().statusCode();
        if (status == 404 || status / 100 == 3) {
            return Tags.empty();
        }
        HttpServerRequest request = context.request();
        String path = request == null ? null : request.path();
        return status > 0 && status < 400 && isFixedPath(path) ? Tags.empty() : UNMATCHED_TAG;
    }

    /** The page's own files and the management endpoints: a finite set, as long as they answered. */
    static boolean isFixedPath(String path) {
        return path != null && path.length() <= 200 && PLAIN_FILE_PATH.matcher(path).matches()
                && !path.startsWith("/api/") && !path.startsWith("/q/health/group/");
    }
}
