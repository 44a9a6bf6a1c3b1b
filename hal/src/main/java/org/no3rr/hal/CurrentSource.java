package org.no3rr.hal;

/**
 * A bipolar current source. Current is positive when anodic at the working / positive electrode,
 * i.e. positive charges a battery and negative discharges it. Safe state: zero current.
 */
public interface CurrentSource extends SafeStateOutput {

    /**
     * Sets the current.
     *
     * @throws IllegalArgumentException when {@code amps} is not finite or exceeds {@link #maxCurrentAmps()}
     *                                  in magnitude; the message names the value and the allowed range
     */
    void setCurrent(double amps);

    /** The last accepted setpoint in A. */
    double setpointAmps();

    /** The largest current magnitude this source can deliver, in A. */
    double maxCurrentAmps();

    @Override
    default void toSafeState() {
        setCurrent(0.0);
    }

    /**
     * Reads the device's setpoint back and restores it if the device lost it (a reset by a supply
     * dip); a source without a readable device does nothing.
     *
     * @throws HalException when the device does not hold the setpoint even after it was restored
     */
    default void verifySetpoint() {
        // Nothing to read back.
    }

    /** Rejects a setpoint outside ±max with a message a user can act on. */
    static void checkSetpoint(double amps, double maxAmps) {
        if (!Double.isFinite(amps) || Math.abs(amps) > maxAmps) {
            throw new IllegalArgumentException("current setpoint " + amps + " A is outside the source's range "
                    + (-maxAmps) + " A to " + maxAmps + " A");
        }
    }
}
