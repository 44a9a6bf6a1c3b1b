package org.no3rr.hal.ads1115;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * ADS1115 input multiplexer, config register bits 14:12 (datasheet SBAS444, "Config Register Field
 * Descriptions", MUX[2:0]). Differential pairs give signed readings; single-ended inputs are
 * measured against GND and cannot go below it.
 */
public enum Mux {
    AIN0_AIN1(0b000),
    AIN0_AIN3(0b001),
    AIN1_AIN3(0b010),
    AIN2_AIN3(0b011),
    AIN0_GND(0b100),
    AIN1_GND(0b101),
    AIN2_GND(0b110),
    AIN3_GND(0b111);

    private final int bits;

    Mux(int bits) {
        this.bits = bits;
    }

    /** The field value, before shifting into place. */
    public int bits() {
        return bits;
    }

    /** The input written {@code text} in a board file, e.g. {@code AIN0_GND}. */
    public static Mux parse(String text) {
        for (Mux mux : values()) {
            if (mux.name().equals(text.toUpperCase(Locale.ROOT))) {
                return mux;
            }
        }
        throw new IllegalArgumentException("ADS1115 input " + text + " is not one of " + allowed());
    }

    /** "AIN0_AIN1, AIN0_AIN3, …, AIN3_GND". */
    public static String allowed() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
