package org.no3rr.hal.ads1115;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * ADS1115 data rate, config register bits 7:5 (SBAS444, DR[2:0]). In single-shot mode one
 * conversion takes one data period, 1/rate; the internal oscillator is specified to ±10 %.
 */
public enum DataRate {
    SPS_8(0b000, 8),
    SPS_16(0b001, 16),
    SPS_32(0b010, 32),
    SPS_64(0b011, 64),
    SPS_128(0b100, 128),
    SPS_250(0b101, 250),
    SPS_475(0b110, 475),
    SPS_860(0b111, 860);

    private final int bits;
    private final int samplesPerSecond;

    DataRate(int bits, int samplesPerSecond) {
        this.bits = bits;
        this.samplesPerSecond = samplesPerSecond;
    }

    public int bits() {
        return bits;
    }

    public int samplesPerSecond() {
        return samplesPerSecond;
    }

    /** One conversion period in ns, rounded up. */
    public long periodNanos() {
        return (1_000_000_000L + samplesPerSecond - 1) / samplesPerSecond;
    }

    /** The rate of {@code sps} samples per second (as written in a board file: {@code 128}). */
    public static DataRate ofSamplesPerSecond(int sps) {
        for (DataRate rate : values()) {
            if (rate.samplesPerSecond == sps) {
                return rate;
            }
        }
        throw new IllegalArgumentException("ADS1115 data rate " + sps + " SPS is not one of " + allowed());
    }

    /** "8, 16, 32, 64, 128, 250, 475, 860 (SPS)". */
    public static String allowed() {
        return Arrays.stream(values()).map(r -> Integer.toString(r.samplesPerSecond))
                .collect(Collectors.joining(", ")) + " (SPS)";
    }
}
