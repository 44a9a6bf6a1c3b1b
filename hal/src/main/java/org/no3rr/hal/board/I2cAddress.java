package org.no3rr.hal.board;

import org.no3rr.hal.i2c.I2cChip;

/** Where a chip answers: an I2C bus (/dev/i2c-N) and a 7-bit address. */
public record I2cAddress(int bus, int address) {

    @Override
    public String toString() {
        return "bus " + bus + " at " + I2cChip.hex(address);
    }
}
