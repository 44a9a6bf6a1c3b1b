package org.no3rr.hal.fake;

import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;

/**
 * An MCP4725 model (DS22039D): fast-mode writes (2 bytes, C2 C1 = 00), DAC / DAC+EEPROM writes
 * (3 bytes, C2 C1 C0 = 010 / 011) and the five-byte read. Powers up with the EEPROM's code.
 */
public final class FakeMcp4725 extends FakeI2c {

    private volatile int code;
    private volatile int powerDownBits;
    private int eepromCode = 0x800;
    private int eepromPowerDownBits;
    private int eepromBusyForReads;
    private int busyReadsLeft;
    private Integer stuckAt;

    public FakeMcp4725(I2CProvider provider, I2CConfig config) {
        super(provider, config);
        code = eepromCode;
    }

    /** A chip whose EEPROM was written elsewhere: it powers up (and resets) to {@code code} in mode {@code pd}. */
    public FakeMcp4725 eeprom(int eepromCode, int pd) {
        this.eepromCode = eepromCode;
        this.eepromPowerDownBits = pd;
        return this;
    }

    /** After each EEPROM write, RDY/BSY reads 0 for the next {@code reads} reads. */
    public FakeMcp4725 eepromBusyForReads(int reads) {
        eepromBusyForReads = reads;
        return this;
    }

    /** A broken chip whose DAC register holds {@code code} whatever is written. */
    public FakeMcp4725 stuckAt(int code) {
        stuckAt = code;
        this.code = code;
        return this;
    }

    /** A supply dip: the DAC register reloads the EEPROM's code and mode (DS22039D, power-on reset). */
    public FakeMcp4725 powerOnReset() {
        code = eepromCode;
        powerDownBits = eepromPowerDownBits;
        return this;
    }

    public int eepromPowerDownBits() {
        return eepromPowerDownBits;
    }

    public int code() {
        return code;
    }

    public int powerDownBits() {
        return powerDownBits;
    }

    public int eepromCode() {
        return eepromCode;
    }

    @Override
    protected void onRawWrite(byte[] data) {
        int first = data[0] & 0xFF;
        if (data.length == 2 && (first & 0xC0) == 0) {
            powerDownBits = first >> 4 & 0b11;
            code = (first & 0x0F) << 8 | data[1] & 0xFF;
        } else if (data.length == 3 && (first >> 5 == 0b010 || first >> 5 == 0b011)) {
            powerDownBits = first >> 1 & 0b11;
            code = (data[1] & 0xFF) << 4 | (data[2] & 0xFF) >> 4;
            if (first >> 5 == 0b011) {
                eepromCode = code;
                eepromPowerDownBits = powerDownBits;
                busyReadsLeft = eepromBusyForReads;
            }
        } else {
            throw new IllegalStateException("not an MCP4725 command: " + java.util.HexFormat.of().formatHex(data));
        }
        if (stuckAt != null) {
            code = stuckAt;
        }
    }

    @Override
    protected byte[] onRawRead(int length) {
        boolean ready = busyReadsLeft == 0;
        if (!ready) {
            busyReadsLeft--;
        }
        byte[] all = {
            (byte) ((ready ? 0x80 : 0) | 0x40 | powerDownBits << 1),
            (byte) (code >> 4),
            (byte) ((code & 0x0F) << 4),
            (byte) (eepromPowerDownBits << 5 | eepromCode >> 8),
            (byte) eepromCode};
        return java.util.Arrays.copyOf(all, length);
    }

    @Override
    protected byte[] onRegisterRead(int register, int length) {
        throw new IllegalStateException("the MCP4725 has no register pointer");
    }

    @Override
    protected void onRegisterWrite(int register, byte[] data) {
        throw new IllegalStateException("the MCP4725 has no register pointer");
    }
}
