package org.no3rr.hal.ads1115;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * ADS1115 programmable-gain amplifier, config register bits 11:9 (SBAS444, PGA[2:0]; full-scale
 * ranges in the "Full-Scale Range and Corresponding LSB Size" table). The full scale is the
 * converter's range only: an input pin must still stay between GND − 0.3 V and VDD + 0.3 V.
 * Codes 101, 110 and 111 all select ±0.256 V; this driver writes 101.
 */
public enum Gain {
    FS_6_144V(0b000, 6.144),
    FS_4_096V(0b001, 4.096),
    FS_2_048V(0b010, 2.048),
    FS_1_024V(0b011, 1.024),
    FS_0_512V(0b100, 0.512),
    FS_0_256V(0b101, 0.256);

    private final int bits;
    private final double fullScaleVolts;

    Gain(int bits, double fullScaleVolts) {
        this.bits = bits;
        this.fullScaleVolts = fullScaleVolts;
    }

    public int bits() {
        return bits;
    }

    /** The magnitude of the full-scale range in V: a code of −32768 reads −FS. */
    public double fullScaleVolts() {
        return fullScaleVolts;
    }

    /** The gain whose full scale is {@code volts} (as written in a board file: {@code 4.096}). */
    public static Gain ofFullScale(double volts) {
        for (Gain gain : values()) {
            if (gain.fullScaleVolts == volts) {
                return gain;
            }
        }
        throw new IllegalArgumentException("ADS1115 full scale " + volts + " V is not one of " + allowed());
    }

    /** "6.144, 4.096, 2.048, 1.024, 0.512, 0.256 (V)". */
    public static String allowed() {
        return Arrays.stream(values()).map(g -> Double.toString(g.fullScaleVolts))
                .collect(Collectors.joining(", ")) + " (V)";
    }
}
