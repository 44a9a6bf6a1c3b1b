package org.no3rr.hal.board;

import java.util.Optional;
import org.no3rr.hal.ads1115.Ads1115Driver;
import org.no3rr.hal.ads1115.Gain;
import org.no3rr.hal.ads1115.Mux;

/** Reads {@code channel.<id>.temperature.*}; see {@link TemperatureSpec}. */
final class TemperatureParser {

    static final String NONE = "none";

    private final Entries e;
    private final String p;

    TemperatureParser(Entries entries, String channelPrefix) {
        this.e = entries;
        this.p = channelPrefix + "temperature.";
    }

    /**
     * @param channelAdc the channel's own ADS1115, the default for the sensor
     * @return empty for {@code none}, or null when an entry was wrong
     */
    Optional<TemperatureSpec> parse(I2cAddress channelAdc) {
        String sensor = e.text(p + "sensor", NONE);
        if (sensor.equals(NONE)) {
            rejectOthers("temperature.sensor is none");
            return Optional.empty();
        }
        if (!sensor.equals("thermistor") && !sensor.equals("linear")) {
            e.error(p + "sensor = " + sensor + " is not allowed: none, thermistor or linear");
            rejectOthers("temperature.sensor is not valid");
            return null;
        }
        int defaultBus = channelAdc == null ? 1 : channelAdc.bus();
        Integer bus = e.integer(p + "adc.bus", 0, 31, defaultBus, "I2C bus number of the sensor's ADS1115");
        Integer address = e.has(p + "adc.address")
                ? e.address(p + "adc.address", "ADS1115", Ads1115Driver.MIN_ADDRESS, Ads1115Driver.MAX_ADDRESS)
                : channelAdc == null ? null : Integer.valueOf(channelAdc.address());
        e.allow(p + "adc.address");
        Mux mux = e.choice(p + "mux", Mux::parse, null, "ADS1115 input of the sensor, one of " + Mux.allowed());
        Gain gain = e.choice(p + "gain", s -> Gain.ofFullScale(Double.parseDouble(s)), null,
                "ADS1115 full scale in V, one of " + Gain.allowed());
        if (sensor.equals("thermistor")) {
            Double r25 = e.positive(p + "r25-ohm", 10_000.0, "thermistor resistance at 25 °C in Ω");
            Double beta = e.positive(p + "beta-k", 3435.0, "thermistor β (B25/85) in K");
            Double series = e.positive(p + "series-ohm", 10_000.0, "series resistor from the supply to the thermistor in Ω");
            Double supply = e.positive(p + "supply-v", null, "voltage across series resistor and thermistor in V");
            if (bus == null || address == null || mux == null || gain == null || r25 == null || beta == null
                    || series == null || supply == null) {
                return null;
            }
            return Optional.of(new TemperatureSpec.Thermistor(new I2cAddress(bus, address), new AdcInput(mux, gain),
                    r25, beta, series, supply));
        }
        Double slope = e.positive(p + "volts-per-degc", null, "the sensor's output slope in V/°C, e.g. 0.01");
        Double offset = e.number(p + "volts-at-0c", 0.0, "the sensor's output at 0 °C in V");
        if (bus == null || address == null || mux == null || gain == null || slope == null || offset == null) {
            return null;
        }
        return Optional.of(new TemperatureSpec.LinearSensor(new I2cAddress(bus, address), new AdcInput(mux, gain),
                slope, offset));
    }

    private void rejectOthers(String why) {
        for (String key : e.keys()) {
            if (key.startsWith(p) && !key.equals(p + "sensor")) {
                e.allow(key);
                e.error(key + " is not allowed here: " + why);
            }
        }
    }
}
