package org.no3rr.hal.pi4j;

import org.no3rr.hal.board.I2cAddress;

/**
 * The self-test's verdict on one configured chip.
 *
 * @param part     "ADS1115", "MCP4725" or "INA226"
 * @param entry    the board-file entry that configured it, e.g. {@code channel.ch2.adc.address}
 * @param problem  empty when the chip answered as the part it should be, else what went wrong (the
 *                 station does not start)
 * @param notice   empty, or what the chip needs before its channel may connect a cell (an MCP4725
 *                 whose EEPROM does not hold the safe power-up code): the station starts, the
 *                 channel's relay stays open until it is commissioned
 */
public record ChipCheck(String part, I2cAddress address, String entry, String problem, String notice) {

    public boolean answered() {
        return problem.isEmpty();
    }

    public boolean needsCommissioning() {
        return !notice.isEmpty();
    }

    /** "ADS1115 on bus 1 at 0x49 (channel.ch2.adc.address) did not answer: Remote I/O error". */
    public String describe() {
        return part + " on " + address + " (" + entry + ")" + (answered() ? " answered" : " " + problem)
                + (notice.isEmpty() ? "" : "; " + notice);
    }
}
