package org.no3rr.hal.ina226;

import java.util.Objects;

/**
 * How an INA226 is set up: averaging and conversion times (which set how long one reading
 * integrates), the mode, and the shunt with the chosen current LSB (which set the calibration).
 *
 * @param currentLsbAmps the weight of one count of the current register, in A; the datasheet
 *                       suggests the largest expected current / 2^15 (SBOS547, Equation 2)
 */
public record Ina226Settings(Averaging averaging, ConversionTime busConversion, ConversionTime shuntConversion,
                             OperatingMode mode, double shuntOhms, double currentLsbAmps) {

    public Ina226Settings {
        Objects.requireNonNull(averaging, "averaging");
        Objects.requireNonNull(busConversion, "busConversion");
        Objects.requireNonNull(shuntConversion, "shuntConversion");
        Objects.requireNonNull(mode, "mode");
        if (!(shuntOhms > 0) || !Double.isFinite(shuntOhms)) {
            throw new IllegalArgumentException("INA226 shunt must be a positive number of Ω, was " + shuntOhms);
        }
        if (!(currentLsbAmps > 0) || !Double.isFinite(currentLsbAmps)) {
            throw new IllegalArgumentException("INA226 current LSB must be a positive number of A, was " + currentLsbAmps);
        }
    }

    /** 16 averages of 1.1 ms conversions (about 35 ms per reading), continuous, for a channel's current. */
    public static Ina226Settings forShunt(double shuntOhms, double currentLsbAmps) {
        return new Ina226Settings(Averaging.SAMPLES_16, ConversionTime.US_1100, ConversionTime.US_1100,
                OperatingMode.SHUNT_AND_BUS_CONTINUOUS, shuntOhms, currentLsbAmps);
    }
}
