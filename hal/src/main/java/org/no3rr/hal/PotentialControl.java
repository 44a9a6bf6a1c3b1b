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

    /**
     * Reads the device's setpoint back and restores it if the device lost it (a reset by a supply
     * dip); a control without a readable device does nothing.
     *
     * @throws HalException when the device does not hold the setpoint even after it was restored
     */
    default void verifySetpoint() {
        // Nothing to read back.
    }
}
