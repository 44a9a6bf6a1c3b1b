package org.no3rr.station.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors answered outside the REST resources — a path no route serves, a method no route takes, a
 * body too large for the framework — in the same JSON shape as every other error ({@link ErrorResponse}).
 */
@ApplicationScoped
public class HttpErrors {

    private static final Pattern COLLECTION_ITEM = Pattern.compile("/api/(runs|protocols|calibrations)/([^/]+)(/.*)?");
    private static final Map<String, String> ITEM_NAMES = Map.of("runs", "run", "protocols", "saved protocol",
            "calibrations", "calibration");
    private static final Map<Integer, String> MESSAGES = Map.of(
            405, "is not allowed on this path",
            413, "has a body larger than the station accepts",
            414, "has a URI longer than the station accepts",
            415, "has a body of a type the station does not read",
            431, "has headers larger than the station accepts",
            400, "is not a valid HTTP request");

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.errorHandler(404, context -> write(context, 404, notFound(context.request().path())));
        MESSAGES.forEach((status, words) -> router.errorHandler(status, context -> write(context, status,
                context.request().method().name() + " " + context.request().path() + " " + words)));
    }

    /** What a 404 says: which id was not one, or that no route exists, and where the routes are listed. */
    static String notFound(String path) {
        Matcher item = COLLECTION_ITEM.matcher(path == null ? "" : path);
        if (item.matches() && !item.group(2).matches("[0-9]{1,18}") && !(item.group(1).equals("protocols")
                && List.of("validate", "convert").contains(item.group(2)))) {
            return "'" + item.group(2) + "' is not a " + ITEM_NAMES.get(item.group(1)) + " id: ids are whole numbers, e.g. /api/"
                    + item.group(1) + "/12";
        }
        return "nothing here: " + path + " is not a route of the station (the API's routes are listed at /q/openapi)";
    }

    private void write(RoutingContext context, int status, String message) {
        if (context.response().ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(new ErrorResponse(status, message, null, List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
