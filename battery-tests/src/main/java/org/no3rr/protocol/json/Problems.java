package org.no3rr.protocol.json;

import java.util.ArrayList;
import java.util.List;
import org.no3rr.protocol.ProtocolError;
import org.no3rr.protocol.ProtocolException;

/**
 * The errors found in a JSON protocol, collected rather than thrown one by one, so the researcher
 * sees all of them at once — as the text parser does. Each names its JSON path.
 */
final class Problems {

    /** As many as the text parser reports; more only bury the first ones. */
    static final int MOST = 100;

    private final List<ProtocolError> errors = new ArrayList<>();

    void add(Place place, String message) {
        if (errors.size() < MOST) {
            errors.add(new ProtocolError(place.ordinal(), place.shown() + ": " + message,
                    JsonExamples.of(place.exampleKind())));
        }
    }

    boolean any() {
        return !errors.isEmpty();
    }

    ProtocolException exception() {
        return new ProtocolException(errors);
    }
}
