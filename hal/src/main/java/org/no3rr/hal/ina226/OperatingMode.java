package org.no3rr.hal.ina226;

/** INA226 operating mode, configuration register bits 2:0 (datasheet SBOS547, MODE3–1). */
public enum OperatingMode {
    POWER_DOWN(0b000),
    SHUNT_TRIGGERED(0b001),
    BUS_TRIGGERED(0b010),
    SHUNT_AND_BUS_TRIGGERED(0b011),
    SHUNT_CONTINUOUS(0b101),
    BUS_CONTINUOUS(0b110),
    SHUNT_AND_BUS_CONTINUOUS(0b111);

    private final int bits;

    OperatingMode(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }
}
