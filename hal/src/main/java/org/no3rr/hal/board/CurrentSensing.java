package org.no3rr.hal.board;

import org.no3rr.hal.ina226.Ina226Driver;

/** How a channel measures its current: an ADS1115 across a shunt amplifier, or an INA226. */
public sealed interface CurrentSensing {

    /** The largest current magnitude read without clipping, A. */
    double linearRangeAmps();

    /** The weight of one count of the reading, A. */
    double lsbAmps();

    /** "INA226, 1.0 Ω shunt", for messages. */
    String describe();

    /**
     * I = V(mux) / (amplifierGain × shuntOhms), linear while the amplifier's output stays within
     * {@code linearSwingVolts} of its reference (its datasheet output swing) and within the ADC's
     * full scale.
     */
    record AdcShunt(AdcInput input, double shuntOhms, double amplifierGain, double linearSwingVolts)
            implements CurrentSensing {

        @Override
        public double linearRangeAmps() {
            return Math.min(input.gain().fullScaleVolts(), linearSwingVolts) / (amplifierGain * shuntOhms);
        }

        @Override
        public double lsbAmps() {
            return input.gain().fullScaleVolts() / 32768 / (amplifierGain * shuntOhms);
        }

        @Override
        public String describe() {
            return "a " + amplifierGain + " V/V amplifier on a " + shuntOhms + " Ω shunt into the ADS1115 at ±"
                    + input.gain().fullScaleVolts() + " V";
        }
    }

    /**
     * The INA226's own current register with a calibration for {@code shuntOhms} and
     * {@code currentLsbAmps}: linear to the shunt-voltage full scale, 81.92 mV / R (SBOS547: 2.5 µV ×
     * 32768), and to what the register holds, 32767 × LSB; one count is the coarser of the register's
     * LSB and the shunt ADC's 2.5 µV / R.
     */
    record Ina226Shunt(I2cAddress address, double shuntOhms, double currentLsbAmps) implements CurrentSensing {

        @Override
        public double linearRangeAmps() {
            return Math.min(Ina226Driver.SHUNT_LSB_VOLTS * 32768 / shuntOhms, currentLsbAmps * 32767);
        }

        @Override
        public double lsbAmps() {
            return Math.max(currentLsbAmps, Ina226Driver.SHUNT_LSB_VOLTS / shuntOhms);
        }

        @Override
        public String describe() {
            return "the INA226 with a " + shuntOhms + " Ω shunt";
        }
    }
}
