package org.no3rr.hal.pi4j;

import java.util.ArrayList;
import java.util.List;
import org.no3rr.hal.HalException;
import org.no3rr.hal.ads1115.Ads1115Driver;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.board.ChannelSpec;
import org.no3rr.hal.board.CurrentSensing;
import org.no3rr.hal.board.I2cAddress;
import org.no3rr.hal.i2c.I2cChip;
import org.no3rr.hal.ina226.Ina226Driver;
import org.no3rr.hal.mcp4725.Mcp4725Driver;
import org.no3rr.hal.mcp4725.Mcp4725Status;
import org.no3rr.hal.mcp4725.PowerDown;

/**
 * Asks every chip of a board file to answer at its address as the part it should be, before any
 * driver configures one: an ADS1115 must convert at its own data rates (an ADS1015 is refused), an
 * INA226 must carry its IDs, an MCP4725 must answer its status read — and its EEPROM must hold the
 * safe power-up code, mid-scale in normal mode, or its channel may not connect a cell until it is
 * commissioned. No output changes: the ADS1115 check only starts one conversion. All chips are
 * asked, so one report names every missing board.
 */
final class SelfTest {

    @FunctionalInterface
    private interface Probe {
        /** @return a notice, or "" */
        String check(I2cChip chip);
    }

    private record Chip(String part, I2cAddress address, String entry, Probe probe) {
    }

    private SelfTest() {
    }

    static SelfTestReport run(BoardFile board, Pi4jIo io) {
        List<ChipCheck> checks = new ArrayList<>();
        for (Chip chip : chips(board, io)) {
            checks.add(check(chip, io));
        }
        return new SelfTestReport(checks);
    }

    private static ChipCheck check(Chip chip, Pi4jIo io) {
        try {
            String notice = chip.probe().check(io.chip(chip.part(), chip.address()));
            return new ChipCheck(chip.part(), chip.address(), chip.entry(), "", notice);
        } catch (BusUnavailableException e) {
            return new ChipCheck(chip.part(), chip.address(), chip.entry(), "cannot be reached: " + e.getMessage(), "");
        } catch (HalException e) {
            String problem = e.getCause() == null ? "answered but " + e.getMessage() : "did not answer: " + rootMessage(e);
            return new ChipCheck(chip.part(), chip.address(), chip.entry(), problem, "");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static List<Chip> chips(BoardFile board, Pi4jIo io) {
        Probe adc = chip -> {
            Ads1115Driver.probe(chip);
            Ads1115Driver.identify(chip, io.pacer());
            return "";
        };
        Probe ina = chip -> {
            Ina226Driver.probe(chip);
            return "";
        };
        List<Chip> chips = new ArrayList<>();
        for (ChannelSpec c : board.channels()) {
            String p = "channel." + c.id() + ".";
            chips.add(new Chip("ADS1115", c.adc(), p + "adc.address", adc));
            if (c.current() instanceof CurrentSensing.Ina226Shunt shunt) {
                chips.add(new Chip("INA226", shunt.address(), p + "ina226.address", ina));
            }
            chips.add(new Chip("MCP4725", c.currentDac().address(), p + "dac.address", SelfTest::dacEeprom));
            c.potentiostat().ifPresent(pot -> chips.add(
                    new Chip("MCP4725", pot.setpointDac().address(), p + "potential.dac.address", SelfTest::dacEeprom)));
            c.temperature().filter(t -> !t.adc().equals(c.adc())).ifPresent(t -> chips.add(
                    new Chip("ADS1115", t.adc(), p + "temperature.adc.address", adc)));
        }
        return chips;
    }

    /** The notice for an MCP4725 whose EEPROM would power it up anywhere but 0 A / 0 V. */
    private static String dacEeprom(I2cChip chip) {
        Mcp4725Status status = Mcp4725Driver.probe(chip);
        if (status.eepromCode() == Mcp4725Driver.MID_SCALE && status.eepromPowerDown() == PowerDown.NORMAL) {
            return "";
        }
        return "its EEPROM powers it up at code " + status.eepromCode() + " (" + status.eepromPowerDown() + "), not the safe"
                + " code " + Mcp4725Driver.MID_SCALE + " (NORMAL); commission it before the channel connects a cell";
    }
}
