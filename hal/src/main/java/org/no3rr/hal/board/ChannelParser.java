package org.no3rr.hal.board;

import java.util.Arrays;
import java.util.Optional;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.ads1115.Ads1115Driver;
import org.no3rr.hal.ads1115.DataRate;
import org.no3rr.hal.ads1115.Gain;
import org.no3rr.hal.ads1115.Mux;
import org.no3rr.hal.ina226.Ina226Driver;
import org.no3rr.hal.mcp4725.Mcp4725Driver;

/**
 * Reads the {@code channel.<id>.*} entries of one channel, adding an error per mistake. Checks that
 * need the whole channel (do the ratings fit the DACs, does every sensing path read them?) run once
 * every entry parsed ({@link SensingChecks}).
 */
final class ChannelParser {

    static final int DEFAULT_BUS = 1;
    static final double DEFAULT_DAC_VREF = 5.0;
    static final int DEFAULT_RATE_SPS = 128;
    /** The largest BCM GPIO number on the 40-pin header of a Raspberry Pi 4 or 5. */
    static final int MAX_BCM_PIN = 27;

    private final Entries e;
    private final String id;
    private final String p;

    ChannelParser(Entries entries, String id) {
        this.e = entries;
        this.id = id;
        this.p = "channel." + id + ".";
    }

    /** The channel, or null when any of its entries was wrong. */
    ChannelSpec parse() {
        int errorsBefore = e.errors().size();
        CellKind kind = e.choice(p + "kind", ChannelParser::cellKind, null, "zn-nitrate-battery or h-cell");
        Double maxCurrent = e.positive(p + "max-current-a", null, "largest current magnitude in A");
        Double minVoltage = e.number(p + "min-voltage-v", null, "lower end of the voltage window in V");
        Double maxVoltage = e.number(p + "max-voltage-v", null, "upper end of the voltage window in V");
        int adcBus = bus("adc.bus", DEFAULT_BUS);
        Integer adcAddress = e.address(p + "adc.address", "ADS1115", Ads1115Driver.MIN_ADDRESS, Ads1115Driver.MAX_ADDRESS);
        I2cAddress adc = adcAddress == null ? null : new I2cAddress(adcBus, adcAddress);
        DataRate rate = e.choice(p + "adc.rate-sps", s -> DataRate.ofSamplesPerSecond(Integer.parseInt(s)),
                DataRate.ofSamplesPerSecond(DEFAULT_RATE_SPS), "ADS1115 data rate");
        AdcInput voltage = adcInput("voltage");
        Double divider = e.positive(p + "voltage.divider", 1.0, "(R_top + R_bottom) / R_bottom, 1 without a divider");
        CurrentSensing current = currentSensing(adcBus, maxCurrent);
        DacOutput currentDac = dac("dac", adcBus, "dac.transconductance-a-per-v", "current-source transconductance in A/V");
        RelayPin relay = relay("relay");
        Optional<PotentiostatSpec> potentiostat = kind == CellKind.H_CELL_ELECTROLYSIS
                ? Optional.ofNullable(potentiostat(adcBus))
                : Optional.empty();
        if (kind == CellKind.ZN_NITRATE_BATTERY) {
            rejectPresent("potential.", "only an h-cell channel has a potentiostat");
            rejectPresent("mode-relay.", "only an h-cell channel has a mode relay");
        }
        Optional<TemperatureSpec> temperature = new TemperatureParser(e, p).parse(adc);
        RatingsParser.Tolerances tolerances = new RatingsParser(e, p).parse();
        if (e.errors().size() > errorsBefore) {
            return null;
        }
        if (!(minVoltage < maxVoltage)) {
            e.error(p + "min-voltage-v = " + minVoltage + " must be below " + p + "max-voltage-v = " + maxVoltage);
            return null;
        }
        ChannelRatings ratings = tolerances.ratings(maxCurrent, minVoltage, maxVoltage, current, e, p);
        if (ratings == null) {
            return null;
        }
        ChannelSpec spec = new ChannelSpec(id, kind, ratings, adc, rate, voltage, divider, current, currentDac, relay,
                potentiostat, temperature);
        return new SensingChecks(e, p).fit(spec) ? spec : null;
    }

    private AdcInput adcInput(String prefix) {
        Mux mux = e.choice(p + prefix + ".mux", Mux::parse, null, "ADS1115 input, one of " + Mux.allowed());
        Gain gain = e.choice(p + prefix + ".gain", s -> Gain.ofFullScale(Double.parseDouble(s)), null,
                "ADS1115 full scale in V, one of " + Gain.allowed());
        return mux == null || gain == null ? null : new AdcInput(mux, gain);
    }

    private CurrentSensing currentSensing(int adcBus, Double maxCurrent) {
        String sensor = e.text(p + "current.sensor", "adc");
        if (sensor.equals("adc")) {
            AdcInput input = adcInput("current");
            Double shunt = e.positive(p + "current.shunt-ohm", null, "shunt resistance in Ω");
            Double gain = e.positive(p + "current.amplifier-gain", null, "current-sense amplifier gain in V/V");
            Double swing = e.positive(p + "current.linear-swing-v", null, "how far the amplifier's output swings"
                    + " linearly from its reference, in V, from its datasheet's output swing at its supply");
            rejectPresent("ina226.", "set " + p + "current.sensor=ina226 to read the current from an INA226");
            return input == null || shunt == null || gain == null || swing == null ? null
                    : new CurrentSensing.AdcShunt(input, shunt, gain, swing);
        }
        if (sensor.equals("ina226")) {
            rejectPresent("current.", "with current.sensor=ina226 the current is configured under " + p + "ina226.*",
                    p + "current.sensor");
            int bus = bus("ina226.bus", adcBus);
            Integer address = e.address(p + "ina226.address", "INA226", Ina226Driver.MIN_ADDRESS, Ina226Driver.MAX_ADDRESS);
            Double shunt = e.positive(p + "ina226.shunt-ohm", null, "shunt resistance in Ω");
            double defaultLsb = maxCurrent == null ? 1e-6 : 2 * maxCurrent / 32768;
            Double lsb = e.positive(p + "ina226.current-lsb-a", defaultLsb, "current register LSB in A");
            if (address == null || shunt == null || lsb == null) {
                return null;
            }
            try {
                Ina226Driver.calibrationWord(lsb, shunt);
            } catch (IllegalArgumentException ex) {
                e.error(p + "ina226.current-lsb-a = " + lsb + " with " + p + "ina226.shunt-ohm = " + shunt + ": " + ex.getMessage());
                return null;
            }
            return new CurrentSensing.Ina226Shunt(new I2cAddress(bus, address), shunt, lsb);
        }
        e.error(p + "current.sensor = " + sensor + " is not allowed: adc or ina226");
        return null;
    }

    private DacOutput dac(String prefix, int defaultBus, String gainKey, String gainWhat) {
        int bus = bus(prefix + ".bus", defaultBus);
        Integer address = e.address(p + prefix + ".address", "MCP4725", Mcp4725Driver.MIN_ADDRESS, Mcp4725Driver.MAX_ADDRESS);
        Double vref = e.number(p + prefix + ".vref-v", DEFAULT_DAC_VREF, "the MCP4725's VDD in V");
        if (vref != null && !(vref >= 2.7 && vref <= 5.5)) {
            e.error(p + prefix + ".vref-v = " + vref + " is not allowed: the MCP4725's VDD, 2.7 to 5.5 V");
            vref = null;
        }
        Double gain = e.positive(p + gainKey, null, gainWhat);
        return address == null || vref == null || gain == null ? null : new DacOutput(new I2cAddress(bus, address), vref, gain);
    }

    /** An I2C bus number, {@code /dev/i2c-N}; absent means {@code defaultBus}. */
    private int bus(String key, int defaultBus) {
        Integer bus = e.integer(p + key, 0, 31, defaultBus, "I2C bus number (/dev/i2c-N)");
        return bus == null ? defaultBus : bus;
    }

    private RelayPin relay(String prefix) {
        Integer pin = e.integer(p + prefix + ".pin", 0, MAX_BCM_PIN, null, "BCM GPIO number");
        boolean activeLow = e.bool(p + prefix + ".active-low");
        return pin == null ? null : new RelayPin(pin, activeLow);
    }

    private PotentiostatSpec potentiostat(int adcBus) {
        AdcInput input = adcInput("potential");
        Double divider = e.positive(p + "potential.divider", 1.0, "attenuation of WE − RE at the ADC pins, 1 without");
        DacOutput dac = dac("potential.dac", adcBus, "potential.setpoint-gain", "potentiostat setpoint gain in V/V");
        RelayPin mode = relay("mode-relay");
        return input == null || divider == null || dac == null || mode == null ? null
                : new PotentiostatSpec(input, divider, dac, mode);
    }

    /** Every present key under {@code channel.<id>.<prefix>} is an error, except {@code except}. */
    private void rejectPresent(String prefix, String why, String... except) {
        for (String key : e.keys()) {
            if (key.startsWith(p + prefix) && !Arrays.asList(except).contains(key)) {
                e.allow(key);
                e.error(key + " is not allowed here: " + why);
            }
        }
    }

    static CellKind cellKind(String text) {
        return switch (text) {
            case "zn-nitrate-battery" -> CellKind.ZN_NITRATE_BATTERY;
            case "h-cell" -> CellKind.H_CELL_ELECTROLYSIS;
            default -> throw new IllegalArgumentException("allowed: zn-nitrate-battery or h-cell");
        };
    }
}
