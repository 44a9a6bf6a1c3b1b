package org.no3rr.hal.ads1115;

import java.util.Objects;

/**
 * One multiplexer input of an {@link Ads1115Driver} with its gain and rate: the raw voltage at the
 * pins, before any divider, amplifier or calibration (those belong to the instrument on top).
 */
public final class Ads1115Channel {

    private final Ads1115Driver driver;
    private final Mux mux;
    private final Gain gain;
    private final DataRate rate;

    Ads1115Channel(Ads1115Driver driver, Mux mux, Gain gain, DataRate rate) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.mux = Objects.requireNonNull(mux, "mux");
        this.gain = Objects.requireNonNull(gain, "gain");
        this.rate = Objects.requireNonNull(rate, "rate");
    }

    /** A fresh conversion, in V at the pins. */
    public double readVolts() {
        return driver.readVolts(mux, gain, rate);
    }

    public Mux mux() {
        return mux;
    }

    public Gain gain() {
        return gain;
    }

    public DataRate rate() {
        return rate;
    }

    /** "ADS1115 on bus 1 at 0x48, AIN0_GND, ±4.096 V". */
    public String describe() {
        return driver.describe() + ", " + mux + ", ±" + gain.fullScaleVolts() + " V";
    }
}
