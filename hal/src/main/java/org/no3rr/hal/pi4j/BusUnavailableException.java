package org.no3rr.hal.pi4j;

import org.no3rr.hal.HalException;

/**
 * An I2C bus that cannot even be opened — no {@code /dev/i2c-N} (I2C not enabled, a bus number
 * the board file gets wrong) or no permission — as opposed to a chip that does not answer on it.
 */
final class BusUnavailableException extends HalException {

    BusUnavailableException(int bus, String chip, RuntimeException cause) {
        super("no such I2C bus " + bus + " for " + chip + ": " + cause.getMessage() + " (enable I2C with"
                + " dtparam=i2c_arm=on, check the bus in the board file, and that the station's user is in the i2c group)",
                cause);
    }
}
