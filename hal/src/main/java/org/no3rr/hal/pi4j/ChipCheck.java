package org.no3rr.hal.pi4j;

import org.no3rr.hal.board.I2cAddress;

/**
 * The self-test's verdict on one configured chip.
 *
 * @param part     "ADS1115", "MCP4725" or "INA226"
 * @param entry    the board-file entry that configured it, e.g. {@code channel.ch2.adc.address}
 * @param problem  empty when the chip answered, else what went wrong
 */
public record ChipCheck(String part, I2cAddress address, String entry, String problem) {

    public boolean answered() {
        return problem.isEmpty();
    }

    /** "ADS1115 on bus 1 at 0x49 (channel.ch2.adc.address) did not answer: Remote I/O error". */
    public String describe() {
        return part + " on " + address + " (" + entry + ")" + (answered() ? " answered" : " " + problem);
    }
}
