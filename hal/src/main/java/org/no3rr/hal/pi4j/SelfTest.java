package org.no3rr.hal.pi4j;

import com.pi4j.io.i2c.I2C;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.no3rr.hal.HalException;
import org.no3rr.hal.ads1115.Ads1115Driver;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.board.ChannelSpec;
import org.no3rr.hal.board.CurrentSensing;
import org.no3rr.hal.board.I2cAddress;
import org.no3rr.hal.ina226.Ina226Driver;
import org.no3rr.hal.mcp4725.Mcp4725Driver;

/**
 * Asks every chip of a board file to answer at its address with a read that changes nothing, before
 * any driver writes a configuration. All chips are asked, so one report names every missing board.
 */
final class SelfTest {

    private record Chip(String part, I2cAddress address, String entry, Consumer<I2C> probe) {
    }

    private SelfTest() {
    }

    static SelfTestReport run(BoardFile board, Pi4jIo io) {
        List<ChipCheck> checks = new ArrayList<>();
        for (Chip chip : chips(board)) {
            checks.add(check(chip, io));
        }
        return new SelfTestReport(checks);
    }

    private static ChipCheck check(Chip chip, Pi4jIo io) {
        try {
            chip.probe().accept(io.i2c(chip.part(), chip.address()));
            return new ChipCheck(chip.part(), chip.address(), chip.entry(), "");
        } catch (HalException e) {
            String problem = e.getCause() == null ? "answered but " + e.getMessage() : "did not answer: " + rootMessage(e);
            return new ChipCheck(chip.part(), chip.address(), chip.entry(), problem);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static List<Chip> chips(BoardFile board) {
        List<Chip> chips = new ArrayList<>();
        for (ChannelSpec c : board.channels()) {
            String p = "channel." + c.id() + ".";
            chips.add(new Chip("ADS1115", c.adc(), p + "adc.address", Ads1115Driver::probe));
            if (c.current() instanceof CurrentSensing.Ina226Shunt ina) {
                chips.add(new Chip("INA226", ina.address(), p + "ina226.address", Ina226Driver::probe));
            }
            chips.add(new Chip("MCP4725", c.currentDac().address(), p + "dac.address", Mcp4725Driver::probe));
            c.potentiostat().ifPresent(pot -> chips.add(
                    new Chip("MCP4725", pot.setpointDac().address(), p + "potential.dac.address", Mcp4725Driver::probe)));
        }
        return chips;
    }
}
