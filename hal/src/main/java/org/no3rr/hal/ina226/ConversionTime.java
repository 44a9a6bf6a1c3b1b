package org.no3rr.hal.ina226;

/**
 * INA226 conversion time of the bus-voltage (bits 8:6, VBUSCT) and shunt-voltage (bits 5:3,
 * VSHCT) measurements (datasheet SBOS547, configuration register).
 */
public enum ConversionTime {
    US_140(0b000),
    US_204(0b001),
    US_332(0b010),
    US_588(0b011),
    US_1100(0b100),
    US_2116(0b101),
    US_4156(0b110),
    US_8244(0b111);

    private final int bits;

    ConversionTime(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }
}
