package org.no3rr.station.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.NotFoundException;
import org.no3rr.station.validation.StrictJson;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an {@link ErrorResponse}: a status, a message naming what was wrong,
 * and never a stack trace.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return respond(400, e.getMessage(), e.field(), e.details());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return respond(409, e.getMessage(), null, List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(404, e.getMessage(), null, List.of());
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        return respond(400, "unknown field '" + field + "'; allowed: " + e.getKnownPropertyIds(), field, List.of());
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        String field = path(e);
        Class<?> target = e.getTargetType();
        String allowed = target.isEnum() ? "one of " + java.util.Arrays.toString(target.getEnumConstants())
                : "a " + target.getSimpleName();
        return respond(400, field + " has the value " + e.getValue() + " but must be " + allowed, field, List.of());
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = path(e);
        String type = e.getTargetType() == null ? "different value" : e.getTargetType().getSimpleName();
        return respond(400, (field.isEmpty() ? "the body" : field) + " must be a " + type
                + (field.isEmpty() ? " (a JSON object)" : ""), field.isEmpty() ? "body" : field, List.of());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        String field = path(e);
        if (e instanceof StrictJson.NotAFiniteNumber && !field.isEmpty()) {
            return respond(400, field + " " + e.getOriginalMessage(), field, List.of());
        }
        return respond(400, "could not read " + (field.isEmpty() ? "the body" : field) + ": "
                + e.getOriginalMessage(), field.isEmpty() ? "body" : field, List.of());
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return respond(400, "the body is not valid JSON: " + e.getOriginalMessage(), "body", List.of());
    }

    /**
     * Also catches the JSON reader's failures, which arrive wrapped in a 400, and the framework's own
     * refusals — no such route (404), wrong method (405), a body that is not JSON (415) — in the same
     * shape and with what the request was.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException processing) {
            return malformed(processing);
        }
        int status = e.getResponse().getStatus();
        String what = request.method().name() + " " + request.path();
        return switch (status) {
            case 404 -> respond(404, HttpErrors.notFound(request.path()), null, List.of());
            case 405 -> {
                String allowed = String.join(", ", new java.util.TreeSet<>(e.getResponse().getAllowedMethods()));
                Response refusal = respond(405, what + " is not allowed" + (allowed.isEmpty()
                        ? " (the API's routes are listed at /q/openapi)" : "; " + request.path() + " answers " + allowed),
                        null, List.of());
                yield allowed.isEmpty() ? refusal : Response.fromResponse(refusal).header("Allow", allowed).build();
            }
            case 415 -> respond(415, what + " needs 'Content-Type: application/json'; it came as '"
                    + request.getHeader("Content-Type") + "'", "Content-Type", List.of());
            case 406 -> respond(406, what + " cannot answer in the type asked for ('" + request.getHeader("Accept")
                    + "'); ask for application/json or leave Accept out", "Accept", List.of());
            default -> respond(status, e.getMessage(), null, List.of());
        };
    }

    /** The client went away mid-request (or its body did not arrive in time and the station closed it). */
    @ServerExceptionMapper
    public Response clientGone(java.io.IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                LOG.debugf("A client's connection closed before its request was read: %s", e.getMessage());
                return respond(400, "the connection closed before the request's body had arrived", "body", List.of());
            }
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected error while serving a request", e);
        return respond(500, "internal error: " + e.getClass().getSimpleName() + "; the station's log has the details",
                null, List.of());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static Response respond(int status, String message, String field, List<String> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(status, message, field, details)).build();
    }
}
