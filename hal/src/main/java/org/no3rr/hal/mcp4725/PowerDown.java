package org.no3rr.hal.mcp4725;

/**
 * MCP4725 power-down bits PD1:PD0 (datasheet DS22039D, "Power-Down Selection" table). In every
 * power-down mode the output amplifier is off and VOUT is pulled to ground through the named
 * resistor: a bipolar current source centred on mid-scale then drives its full negative current,
 * so power-down is never a safe state on this rig (see {@code docs/hardware.md}).
 */
public enum PowerDown {
    NORMAL(0b00),
    PULL_DOWN_1K(0b01),
    PULL_DOWN_100K(0b10),
    PULL_DOWN_500K(0b11);

    private final int bits;

    PowerDown(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    static PowerDown ofBits(int bits) {
        for (PowerDown mode : values()) {
            if (mode.bits == bits) {
                return mode;
            }
        }
        throw new IllegalArgumentException("PD bits must be 0..3, were " + bits);
    }
}
