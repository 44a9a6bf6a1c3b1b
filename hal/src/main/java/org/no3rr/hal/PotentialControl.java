package org.no3rr.hal;

/**
 * Holds the working electrode at a potential against the reference electrode (a potentiostat).
 * Safe state: released (no control, no current).
 */
public interface PotentialControl extends SafeStateOutput {

    /**
     * Holds the working electrode at {@code volts} against the reference electrode.
     *
     * @throws IllegalArgumentException when the potential is outside the control's window
     */
    void hold(double volts);

    void release();

    /** Whether a potential is currently held. */
    boolean isHolding();

    @Override
    default void toSafeState() {
        release();
    }
}
