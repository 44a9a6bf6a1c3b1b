package org.no3rr.hal.pi4j;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import org.no3rr.hal.AnalogInput;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.ads1115.Ads1115Channel;
import org.no3rr.hal.ads1115.Ads1115Driver;
import org.no3rr.hal.board.AdcInput;
import org.no3rr.hal.board.ChannelSpec;
import org.no3rr.hal.board.CurrentSensing;
import org.no3rr.hal.board.DacOutput;
import org.no3rr.hal.board.TemperatureSpec;
import org.no3rr.hal.ina226.Ina226Driver;
import org.no3rr.hal.ina226.Ina226Settings;
import org.no3rr.hal.instrument.AnalogPotentiostat;
import org.no3rr.hal.instrument.BipolarDacTransfer;
import org.no3rr.hal.instrument.CalibratedInput;
import org.no3rr.hal.instrument.DacCurrentSource;
import org.no3rr.hal.instrument.RawSource;
import org.no3rr.hal.instrument.TemperatureInput;
import org.no3rr.hal.mcp4725.Mcp4725Driver;
import org.no3rr.hal.relay.GpioRelayBank;

/**
 * Builds one channel chip → channel → instrument: drivers on the board file's addresses, raw
 * channels on the ADC's multiplexer, calibrated instruments, the DAC current source, (H-cell) the
 * potentiostat and the temperature sensor. If a chip fails half-way, the drivers already opened are
 * closed again.
 */
final class ChannelAssembler {

    private final Pi4jIo io;
    private final GpioRelayBank relays;
    private final Calibrations calibrations;

    ChannelAssembler(Pi4jIo io, GpioRelayBank relays, Calibrations calibrations) {
        this.io = io;
        this.relays = relays;
        this.calibrations = calibrations;
    }

    /** The relay-bank name of a channel's cell relay. */
    static String cellRelay(ChannelSpec c) {
        return c.id() + ".cell";
    }

    /** The relay-bank name of an H-cell channel's potentiostat mode relay. */
    static String modeRelay(ChannelSpec c) {
        return c.id() + ".mode";
    }

    RigChannel assemble(ChannelSpec c) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Ads1115Driver adc = open(opened, new Ads1115Driver(io.chip("ADS1115", c.adc()), io.pacer()));
            Mcp4725Driver currentDac = open(opened, dac(c.currentDac()));
            Map<DacRole, Mcp4725Driver> dacs = new EnumMap<>(DacRole.class);
            dacs.put(DacRole.CURRENT_SOURCE, currentDac);
            ChannelHardware.Builder builder = ChannelHardware.builder(c.id(), c.kind(), c.ratings())
                    .relay(relays.relay(cellRelay(c)))
                    .currentSource(new DacCurrentSource(currentDac, transfer(c.currentDac()), c.ratings().maxCurrentAmps(),
                            calibrations.slot(c.id(), Calibrations.CURRENT_SOURCE)))
                    .cellVoltage(CalibratedInput.cellVoltage(raw(adc, c, c.voltage()), c.voltageDivider(),
                            calibrations.slot(c.id(), Calibrations.VOLTAGE)))
                    .cellCurrent(current(c, adc, opened));
            if (c.potentiostat().isPresent()) {
                var pot = c.potentiostat().get();
                Mcp4725Driver setpointDac = open(opened, dac(pot.setpointDac()));
                dacs.put(DacRole.POTENTIAL_CONTROL, setpointDac);
                builder.potentialControl(new AnalogPotentiostat(setpointDac, transfer(pot.setpointDac()),
                                relays.relay(modeRelay(c)), c.ratings().minVoltage(), c.ratings().maxVoltage(),
                                calibrations.slot(c.id(), Calibrations.POTENTIAL_CONTROL)))
                        .workingElectrodePotential(CalibratedInput.electrodePotential(raw(adc, c, pot.potentialInput()),
                                pot.potentialDivider(), calibrations.slot(c.id(), Calibrations.POTENTIAL)));
            }
            if (c.temperature().isPresent()) {
                builder.temperature(temperature(c, c.temperature().get(), adc, opened));
            }
            AutoCloseable[] drivers = opened.toArray(AutoCloseable[]::new);
            return new RigChannel(builder.resources(() -> closeAll(drivers)).build(), dacs);
        } catch (RuntimeException e) {
            try {
                closeAll(opened.toArray(AutoCloseable[]::new));
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private AnalogInput current(ChannelSpec c, Ads1115Driver adc, Deque<AutoCloseable> opened) {
        if (c.current() instanceof CurrentSensing.AdcShunt s) {
            return CalibratedInput.shuntCurrent(raw(adc, c, s.input()), s.shuntOhms(), s.amplifierGain(),
                    calibrations.slot(c.id(), Calibrations.CURRENT));
        }
        CurrentSensing.Ina226Shunt s = (CurrentSensing.Ina226Shunt) c.current();
        Ina226Driver ina = open(opened, new Ina226Driver(io.chip("INA226", s.address()),
                Ina226Settings.forShunt(s.shuntOhms(), s.currentLsbAmps())));
        return CalibratedInput.monitoredCurrent(new RawSource(ina.describe(), ina::currentAmps),
                calibrations.slot(c.id(), Calibrations.CURRENT));
    }

    /** On the channel's own ADS1115, or on one of its own at another address. */
    private AnalogInput temperature(ChannelSpec c, TemperatureSpec t, Ads1115Driver channelAdc, Deque<AutoCloseable> opened) {
        Ads1115Driver adc = t.adc().equals(c.adc()) ? channelAdc
                : open(opened, new Ads1115Driver(io.chip("ADS1115", t.adc()), io.pacer()));
        RawSource raw = raw(adc, c, t.input());
        double fullScale = t.input().gain().fullScaleVolts();
        if (t instanceof TemperatureSpec.Thermistor th) {
            return TemperatureInput.thermistor(raw, fullScale, th.r25Ohms(), th.betaKelvin(), th.seriesOhms(), th.supplyVolts());
        }
        TemperatureSpec.LinearSensor lin = (TemperatureSpec.LinearSensor) t;
        return TemperatureInput.linear(raw, fullScale, lin.voltsPerDegreeC(), lin.voltsAtZeroDegreesC());
    }

    private static RawSource raw(Ads1115Driver adc, ChannelSpec c, AdcInput input) {
        Ads1115Channel channel = adc.channel(input.mux(), input.gain(), c.adcRate());
        return new RawSource(channel.describe(), channel::readVolts);
    }

    /** A DAC starting at mid-scale, which is zero for every bipolar stage on this rig. */
    private Mcp4725Driver dac(DacOutput out) {
        return new Mcp4725Driver(io.chip("MCP4725", out.address()), out.vrefVolts(), Mcp4725Driver.MID_SCALE);
    }

    private static BipolarDacTransfer transfer(DacOutput out) {
        return new BipolarDacTransfer(out.vrefVolts(), out.unitsPerVolt());
    }

    private static <T extends AutoCloseable> T open(Deque<AutoCloseable> opened, T driver) {
        opened.push(driver);
        return driver;
    }

    private static void closeAll(AutoCloseable[] drivers) throws Exception {
        Exception failure = null;
        for (AutoCloseable driver : drivers) {
            try {
                driver.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new HalException("drivers could not be closed: " + failure.getMessage(), failure);
        }
    }
}
