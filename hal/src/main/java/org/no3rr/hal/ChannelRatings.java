package org.no3rr.hal;

/**
 * What a channel may be asked to do: the largest current magnitude and the voltage window.
 * Every setpoint of a protocol is checked against these before a run starts.
 */
public record ChannelRatings(double maxCurrentAmps, double minVoltage, double maxVoltage) {

    public ChannelRatings {
        if (!(maxCurrentAmps > 0) || !Double.isFinite(maxCurrentAmps)) {
            throw new IllegalArgumentException("maxCurrentAmps must be a positive number of A, was " + maxCurrentAmps);
        }
        if (!(minVoltage < maxVoltage)) {
            throw new IllegalArgumentException("voltage window must have minVoltage < maxVoltage, was "
                    + minVoltage + " V to " + maxVoltage + " V");
        }
    }
}
