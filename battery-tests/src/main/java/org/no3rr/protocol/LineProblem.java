package org.no3rr.protocol;

/**
 * A rule of the language broken by one line or one step: a value out of range, an end a step
 * cannot have, a unit of the wrong kind. Thrown by the readers and by the model's own
 * constructors, so the text and the JSON form obey the same rules; the text parser turns it into
 * a {@link ProtocolError} with the line number, the JSON reader with the JSON path.
 */
public final class LineProblem extends IllegalArgumentException {

    private final String example;

    public LineProblem(String message, String example) {
        super(message);
        this.example = example;
    }

    /** Thrown for every bad line of a long protocol: a stack trace would only cost time. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** A valid line of the same kind, to copy and adapt. */
    public String example() {
        return example;
    }
}
