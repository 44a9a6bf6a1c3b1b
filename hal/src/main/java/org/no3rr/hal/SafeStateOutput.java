package org.no3rr.hal;

/**
 * An output that can always be put into a state where it cannot harm the cell or the operator.
 *
 * <p>{@link #toSafeState()} must be cheap, idempotent and callable from any thread at any time,
 * including from a JVM shutdown hook and after an earlier failure of the same output.
 */
public interface SafeStateOutput {

    /** Puts the output into its safe state (no current, cell disconnected, control released). */
    void toSafeState();
}
