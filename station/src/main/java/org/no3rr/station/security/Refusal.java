package org.no3rr.station.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.no3rr.station.rest.ErrorResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request refused at the door — before its body is read — with the same JSON error shape as every
 * other error of the API. When the client still has a body to send, the connection is closed after
 * the answer, so the station never has to read (or hold) that body.
 */
record Refusal(int status, String message, String field, Map<String, String> headers) {

    Refusal(int status, String message, String field) {
        this(status, message, field, Map.of());
    }

    Refusal withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Refusal(status, message, field, more);
    }

    /** A body was announced; refused, it is never read. */
    static boolean declaresBody(io.vertx.core.http.HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.trim().equals("0"));
    }

    /** The same refusal from a REST resource. */
    jakarta.ws.rs.core.Response toResponse() {
        jakarta.ws.rs.core.Response.ResponseBuilder response = jakarta.ws.rs.core.Response.status(status)
                .type("application/json").entity(new ErrorResponse(status, message, field, List.of()));
        headers.forEach(response::header);
        return response.build();
    }

    void send(RoutingContext context, ObjectMapper json) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        boolean bodyPending = declaresBody(context.request());
        String body;
        try {
            body = json.writeValueAsString(new ErrorResponse(status, message, field, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an error response", e);
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        headers.forEach(response::putHeader);
        if (bodyPending) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body).onComplete(written -> {
            if (bodyPending) {
                // The body is neither read nor waited for: the client may go on sending into a closed connection.
                context.request().connection().close();
            }
        });
    }
}
