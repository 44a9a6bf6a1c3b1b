package org.no3rr.hal.i2c;

/**
 * Frees a bus that a slave holds: the I2C specification (NXP UM10204, 3.1.16 "Bus clear") has the
 * master clock SCL up to nine times so that a slave stuck in the middle of a byte shifts it out,
 * sees a NACK and lets SDA go. What a Linux user process can do depends on the controller: see
 * {@code docs/hardware.md}, "When the I2C bus hangs".
 */
@FunctionalInterface
public interface BusRecovery {

    /**
     * Tries to clear bus {@code bus}. Called with the bus held; never throws (a recovery that
     * fails shows in the next transaction).
     */
    void recover(int bus);

    /** For a bus nothing can clear. */
    static BusRecovery none() {
        return bus -> { };
    }
}
