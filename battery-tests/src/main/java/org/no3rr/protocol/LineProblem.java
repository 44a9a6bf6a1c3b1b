package org.no3rr.protocol;

/**
 * Thrown inside the parser when one line is wrong; the parser turns it into a
 * {@link ProtocolError} with the line number and carries on with the next line.
 */
final class LineProblem extends RuntimeException {

    private final String example;

    LineProblem(String message, String example) {
        super(message, null, false, false);
        this.example = example;
    }

    String example() {
        return example;
    }
}
