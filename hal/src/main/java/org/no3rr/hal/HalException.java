package org.no3rr.hal;

/** A hardware operation failed: a read that got no answer, a bus error, a chip that is missing. */
public class HalException extends RuntimeException {

    public HalException(String message) {
        super(message);
    }

    public HalException(String message, Throwable cause) {
        super(message, cause);
    }
}
