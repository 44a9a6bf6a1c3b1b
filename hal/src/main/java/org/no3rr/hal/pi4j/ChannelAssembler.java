package org.no3rr.hal.pi4j;

import java.util.ArrayDeque;
import java.util.Deque;
import org.no3rr.hal.AnalogInput;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.ads1115.Ads1115Channel;
import org.no3rr.hal.ads1115.Ads1115Driver;
import org.no3rr.hal.ads1115.ConversionPause;
import org.no3rr.hal.board.AdcInput;
import org.no3rr.hal.board.ChannelSpec;
import org.no3rr.hal.board.CurrentSensing;
import org.no3rr.hal.board.DacOutput;
import org.no3rr.hal.ina226.Ina226Driver;
import org.no3rr.hal.ina226.Ina226Settings;
import org.no3rr.hal.instrument.AnalogPotentiostat;
import org.no3rr.hal.instrument.BipolarDacTransfer;
import org.no3rr.hal.instrument.CalibratedInput;
import org.no3rr.hal.instrument.DacCurrentSource;
import org.no3rr.hal.instrument.RawSource;
import org.no3rr.hal.mcp4725.Mcp4725Driver;
import org.no3rr.hal.relay.GpioRelayBank;

/**
 * Builds one channel chip → channel → instrument: drivers on the board file's addresses, raw
 * channels on the ADC's multiplexer, calibrated instruments, the DAC current source and (H-cell)
 * the potentiostat. If a chip fails half-way, the drivers already opened are closed again.
 */
final class ChannelAssembler {

    private final Pi4jIo io;
    private final GpioRelayBank relays;
    private final Calibrations calibrations;
    private final ConversionPause pause;

    ChannelAssembler(Pi4jIo io, GpioRelayBank relays, Calibrations calibrations, ConversionPause pause) {
        this.io = io;
        this.relays = relays;
        this.calibrations = calibrations;
        this.pause = pause;
    }

    /** The relay-bank name of a channel's cell relay. */
    static String cellRelay(ChannelSpec c) {
        return c.id() + ".cell";
    }

    /** The relay-bank name of an H-cell channel's potentiostat mode relay. */
    static String modeRelay(ChannelSpec c) {
        return c.id() + ".mode";
    }

    ChannelHardware assemble(ChannelSpec c) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Ads1115Driver adc = open(opened, new Ads1115Driver(io.i2c("ADS1115", c.adc()), pause));
            Mcp4725Driver currentDac = open(opened, dac(c.currentDac()));
            ChannelHardware.Builder builder = ChannelHardware.builder(c.id(), c.kind(), c.ratings())
                    .relay(relays.relay(cellRelay(c)))
                    .currentSource(new DacCurrentSource(currentDac, transfer(c.currentDac()), c.ratings().maxCurrentAmps()))
                    .cellVoltage(CalibratedInput.cellVoltage(raw(adc, c, c.voltage()), c.voltageDivider(),
                            calibrations.of(c.id(), "voltage")))
                    .cellCurrent(current(c, adc, opened));
            if (c.potentiostat().isPresent()) {
                var pot = c.potentiostat().get();
                Mcp4725Driver setpointDac = open(opened, dac(pot.setpointDac()));
                builder.potentialControl(new AnalogPotentiostat(setpointDac, transfer(pot.setpointDac()),
                                relays.relay(modeRelay(c)), c.ratings().minVoltage(), c.ratings().maxVoltage()))
                        .workingElectrodePotential(CalibratedInput.electrodePotential(raw(adc, c, pot.potentialInput()),
                                calibrations.of(c.id(), "potential")));
            }
            AutoCloseable[] drivers = opened.toArray(AutoCloseable[]::new);
            return builder.resources(() -> closeAll(drivers)).build();
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
                    calibrations.of(c.id(), "current"));
        }
        CurrentSensing.Ina226Shunt s = (CurrentSensing.Ina226Shunt) c.current();
        Ina226Driver ina = open(opened, new Ina226Driver(io.i2c("INA226", s.address()),
                Ina226Settings.forShunt(s.shuntOhms(), s.currentLsbAmps())));
        return CalibratedInput.monitoredCurrent(new RawSource(ina.describe(), ina::currentAmps), calibrations.of(c.id(), "current"));
    }

    private RawSource raw(Ads1115Driver adc, ChannelSpec c, AdcInput input) {
        Ads1115Channel channel = adc.channel(input.mux(), input.gain(), c.adcRate());
        return new RawSource(channel.describe(), channel::readVolts);
    }

    /** A DAC starting at mid-scale, which is zero for every bipolar stage on this rig. */
    private Mcp4725Driver dac(DacOutput out) {
        return new Mcp4725Driver(io.i2c("MCP4725", out.address()), out.vrefVolts(), Mcp4725Driver.MID_SCALE);
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
