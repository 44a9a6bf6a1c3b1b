package org.no3rr.protocol;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A protocol text could not be parsed. Carries every error found, not only the first, so the
 * researcher can fix them all in one go.
 */
public class ProtocolException extends RuntimeException {

    private final transient List<ProtocolError> errors;

    public ProtocolException(List<ProtocolError> errors) {
        super(errors.stream().map(ProtocolError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<ProtocolError> errors() {
        return errors;
    }
}
