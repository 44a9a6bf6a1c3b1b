package org.no3rr.hal.board;

import java.util.List;

/** A board file with mistakes; the message lists every one, each naming its entry. */
public final class BoardFileException extends IllegalArgumentException {

    private final List<String> errors;

    public BoardFileException(String source, List<String> errors) {
        super("board file " + source + " has " + errors.size() + " error(s):\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
