package org.no3rr.hal.mcp4725;

/**
 * What an MCP4725 reports when read (DS22039D, "Read Command": five bytes — status and DAC
 * register, then the EEPROM word).
 *
 * @param ready             RDY/BSY: false while an EEPROM write is in progress
 * @param powerOnReset      POR: true once the supply is above the reset threshold
 * @param powerDown         the DAC register's power-down bits
 * @param dacCode           the DAC register's code, 0–4095
 * @param eepromPowerDown   the power-down bits loaded at power-up
 * @param eepromCode        the code loaded at power-up
 */
public record Mcp4725Status(boolean ready, boolean powerOnReset, PowerDown powerDown, int dacCode,
                            PowerDown eepromPowerDown, int eepromCode) {

    static Mcp4725Status decode(byte[] b) {
        int status = b[0] & 0xFF;
        return new Mcp4725Status(
                (status & 0x80) != 0,
                (status & 0x40) != 0,
                PowerDown.ofBits(status >> 1 & 0b11),
                (b[1] & 0xFF) << 4 | (b[2] & 0xFF) >> 4,
                PowerDown.ofBits(b[3] >> 5 & 0b11),
                (b[3] & 0x0F) << 8 | b[4] & 0xFF);
    }
}
