package org.no3rr.hal.mcp4725;

import com.pi4j.io.i2c.I2C;
import java.util.Objects;
import org.no3rr.hal.HalException;
import org.no3rr.hal.i2c.I2cChip;

/**
 * Microchip MCP4725 12-bit DAC (datasheet DS22039D) on its I2C address 0x60–0x67 (A2 and A1 are
 * set at the factory by the ordering code A0…A3, A0 by a pin).
 *
 * <p>Setpoints use the "fast mode" write: two bytes, {@code 0 0 PD1 PD0 D11 D10 D9 D8} and
 * {@code D7…D0} (DS22039D, "Write Command for Fast Mode"). VOUT = VREF × code / 4096 (Equation 4-1),
 * where VREF is the chip's VDD. The EEPROM write exists for commissioning only (its endurance is
 * about a million cycles) and is never used for setpoints.
 */
public final class Mcp4725Driver implements AutoCloseable {

    public static final int MIN_ADDRESS = 0x60;
    public static final int MAX_ADDRESS = 0x67;
    public static final int MAX_CODE = 4095;
    public static final int STEPS = 4096;
    public static final int MID_SCALE = 2048;

    /** C2 C1 C0 = 011: write the DAC register and the EEPROM. */
    static final int WRITE_DAC_AND_EEPROM = 0b011 << 5;

    private final I2cChip chip;
    private final double vrefVolts;

    /**
     * Opens the chip and drives {@code initialCode} in normal mode, so that whatever the EEPROM
     * loaded at power-up is replaced at once.
     *
     * @param vrefVolts the chip's supply, which is its reference, in V
     * @throws IllegalArgumentException when {@code initialCode} is outside 0–4095
     * @throws HalException             when the chip does not answer
     */
    public Mcp4725Driver(I2C i2c, double vrefVolts, int initialCode) {
        if (!(vrefVolts >= 2.7 && vrefVolts <= 5.5)) {
            throw new IllegalArgumentException("MCP4725 reference (its VDD) must be 2.7 V to 5.5 V, was " + vrefVolts + " V");
        }
        this.chip = new I2cChip("MCP4725", Objects.requireNonNull(i2c, "i2c"));
        this.vrefVolts = vrefVolts;
        setCode(initialCode);
    }

    /**
     * Checks that an MCP4725 answers by reading its five status bytes, without changing its output.
     *
     * @throws HalException when it does not answer
     */
    public static Mcp4725Status probe(I2C i2c) {
        return Mcp4725Status.decode(new I2cChip("MCP4725", i2c).read(5));
    }

    /** Drives {@code code} in normal mode with a fast-mode write. */
    public void setCode(int code) {
        fastWrite(code, PowerDown.NORMAL);
    }

    /** Enters a power-down mode, keeping {@code code} in the DAC register for when it is left. */
    public void powerDown(PowerDown mode, int code) {
        fastWrite(code, mode);
    }

    /** The two bytes of a fast-mode write. */
    public static byte[] fastWriteBytes(int code, PowerDown mode) {
        checkCode(code);
        return new byte[] {(byte) (mode.bits() << 4 | code >> 8), (byte) code};
    }

    private void fastWrite(int code, PowerDown mode) {
        chip.write(fastWriteBytes(code, mode));
    }

    /** Stores {@code code} (normal mode) in the EEPROM, so the chip starts there at power-up. */
    public void storePowerUpCode(int code) {
        checkCode(code);
        chip.write((byte) WRITE_DAC_AND_EEPROM, (byte) (code >> 4), (byte) (code << 4));
    }

    /** A fresh read of the status, DAC register and EEPROM. */
    public Mcp4725Status readStatus() {
        return Mcp4725Status.decode(chip.read(5));
    }

    /** VOUT for {@code code}: VREF × code / 4096. */
    public double volts(int code) {
        checkCode(code);
        return vrefVolts * code / STEPS;
    }

    public double vrefVolts() {
        return vrefVolts;
    }

    /** "MCP4725 on bus 1 at 0x60". */
    public String describe() {
        return chip.describe();
    }

    /** Rejects codes the 12-bit register cannot hold, with the range in the message. */
    public static void checkCode(int code) {
        if (code < 0 || code > MAX_CODE) {
            throw new IllegalArgumentException("MCP4725 code " + code + " is outside 0 to " + MAX_CODE);
        }
    }

    @Override
    public void close() {
        chip.close();
    }
}
