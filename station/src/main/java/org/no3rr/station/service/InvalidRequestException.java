package org.no3rr.station.service;

import java.util.List;

/**
 * A request the station will not carry out, with the field at fault and a message that says what
 * was wrong, the value and what is allowed. Mapped to HTTP 400.
 *
 * @see org.no3rr.station.rest.ErrorMappers
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;
    private final List<String> details;

    public InvalidRequestException(String field, String message) {
        this(field, message, List.of());
    }

    public InvalidRequestException(String field, String message, List<String> details) {
        super(message);
        this.field = field;
        this.details = List.copyOf(details);
    }

    public String field() {
        return field;
    }

    public List<String> details() {
        return details;
    }
}
