package org.no3rr.hal.board;

/** How a channel measures its current: an ADS1115 across a shunt amplifier, or an INA226. */
public sealed interface CurrentSensing {

    /** I = V(mux) / (amplifierGain × shuntOhms). */
    record AdcShunt(AdcInput input, double shuntOhms, double amplifierGain) implements CurrentSensing {
    }

    /** The INA226's own current register with a calibration for {@code shuntOhms} and {@code currentLsbAmps}. */
    record Ina226Shunt(I2cAddress address, double shuntOhms, double currentLsbAmps) implements CurrentSensing {
    }
}
