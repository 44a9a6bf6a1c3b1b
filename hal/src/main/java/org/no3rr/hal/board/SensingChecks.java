package org.no3rr.hal.board;

import org.no3rr.hal.instrument.BipolarDacTransfer;

/**
 * Checks that a channel's hardware can do and see what its ratings promise: the current source and
 * the potentiostat reach the rating, and every sensing path reads the whole rating without
 * clipping. The current must read linearly to 1.25 × the current source's reach, not just to the
 * rating: a fault that drives the source to its end must still read as the overcurrent it is, or
 * no current limit could trip.
 */
final class SensingChecks {

    /** How far beyond the current source's reach the current must read linearly. */
    static final double CURRENT_HEADROOM = 1.25;

    private final Entries e;
    private final String p;

    SensingChecks(Entries entries, String channelPrefix) {
        this.e = entries;
        this.p = channelPrefix;
    }

    /** Adds an error per mismatch; true when there was none. */
    boolean fit(ChannelSpec c) {
        int errorsBefore = e.errors().size();
        BipolarDacTransfer source = new BipolarDacTransfer(c.currentDac().vrefVolts(), c.currentDac().unitsPerVolt());
        double maxCurrent = c.ratings().maxCurrentAmps();
        if (!source.reaches(maxCurrent)) {
            e.error(p + "max-current-a = " + maxCurrent + " is beyond the current source's reach "
                    + source.minValue() + " A to " + source.maxValue() + " A; raise " + p + "dac.transconductance-a-per-v");
        }
        checkCurrentSensing(c, source);
        double windowAtPins = Math.max(Math.abs(c.ratings().minVoltage()), Math.abs(c.ratings().maxVoltage())) / c.voltageDivider();
        if (windowAtPins > c.voltage().gain().fullScaleVolts()) {
            e.error(p + "voltage.gain = " + c.voltage().gain().fullScaleVolts() + " is too small: the voltage window reaches "
                    + windowAtPins + " V at the ADC pins; choose a larger full scale or divider");
        }
        c.potentiostat().ifPresent(pot -> {
            BipolarDacTransfer setpoint = new BipolarDacTransfer(pot.setpointDac().vrefVolts(), pot.setpointDac().unitsPerVolt());
            if (c.ratings().minVoltage() < setpoint.minValue() || c.ratings().maxVoltage() > setpoint.maxValue()) {
                e.error(p + "min-voltage-v/max-voltage-v = " + c.ratings().minVoltage() + " V to " + c.ratings().maxVoltage()
                        + " V is beyond the potentiostat setpoint's reach " + setpoint.minValue() + " V to "
                        + setpoint.maxValue() + " V; raise " + p + "potential.setpoint-gain");
            }
            double potentialAtPins = Math.max(Math.abs(c.ratings().minVoltage()), Math.abs(c.ratings().maxVoltage()))
                    / pot.potentialDivider();
            if (potentialAtPins > pot.potentialInput().gain().fullScaleVolts()) {
                e.error(p + "potential.gain = " + pot.potentialInput().gain().fullScaleVolts() + " is too small: the"
                        + " potential window reaches " + potentialAtPins + " V at the ADC pins; choose a larger full scale"
                        + " or potential.divider");
            }
        });
        return e.errors().size() == errorsBefore;
    }

    private void checkCurrentSensing(ChannelSpec c, BipolarDacTransfer source) {
        double reach = Math.max(-source.minValue(), source.maxValue());
        double needed = CURRENT_HEADROOM * reach;
        double linear = c.current().linearRangeAmps();
        if (linear < needed) {
            String key = c.current() instanceof CurrentSensing.AdcShunt ? "current.*" : "ina226.*";
            e.error(p + key + ": " + c.current().describe() + " reads the current linearly to ±" + linear + " A, less than "
                    + CURRENT_HEADROOM + " × the current source's reach of ±" + reach + " A = ±" + needed + " A: an"
                    + " overcurrent would read clipped and no limit could trip; choose a smaller shunt, gain or current"
                    + " LSB, or a smaller " + p + "dac.transconductance-a-per-v");
        }
    }
}
