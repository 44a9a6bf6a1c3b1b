package org.no3rr.hal.ina226;

/** INA226 averaging, configuration register bits 11:9 (datasheet SBOS547, AVG2–0). */
public enum Averaging {
    SAMPLES_1(0b000),
    SAMPLES_4(0b001),
    SAMPLES_16(0b010),
    SAMPLES_64(0b011),
    SAMPLES_128(0b100),
    SAMPLES_256(0b101),
    SAMPLES_512(0b110),
    SAMPLES_1024(0b111);

    private final int bits;

    Averaging(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }
}
