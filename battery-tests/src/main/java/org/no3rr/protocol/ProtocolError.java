package org.no3rr.protocol;

/**
 * One thing wrong with a protocol, phrased for the researcher who wrote it.
 *
 * @param line    1-based line of the protocol text the error is about
 * @param message what is wrong, with the offending value and the allowed range; starts with
 *                "line N: " so it can be shown on its own
 * @param example a valid line of the same kind, to copy and adapt
 */
public record ProtocolError(int line, String message, String example) {

    @Override
    public String toString() {
        return message + " (for example: " + example + ")";
    }
}
