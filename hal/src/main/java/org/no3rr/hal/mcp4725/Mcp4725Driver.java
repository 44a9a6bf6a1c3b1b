package org.no3rr.hal.mcp4725;

import com.pi4j.io.i2c.I2C;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.no3rr.hal.HalException;
import org.no3rr.hal.i2c.I2cChip;
import org.no3rr.hal.i2c.Pacer;

/**
 * Microchip MCP4725 12-bit DAC (datasheet DS22039D) on its I2C address 0x60–0x67 (A2 and A1 are
 * set at the factory by the ordering code A0…A3, A0 by a pin).
 *
 * <p>Setpoints use the "fast mode" write: two bytes, {@code 0 0 PD1 PD0 D11 D10 D9 D8} and
 * {@code D7…D0} (DS22039D, "Write Command for Fast Mode"). VOUT = VREF × code / 4096 (Equation 4-1),
 * where VREF is the chip's VDD. The EEPROM write exists for commissioning only (its endurance is
 * about a million cycles) and is never used for setpoints.
 *
 * <p>Every setpoint is read back (the five-byte read, DS22039D "Read Command") and written again
 * once if the chip does not hold it; {@link #verify} does the same on demand, so a DAC that a
 * supply dip reset to its EEPROM code is found and set right.
 */
public final class Mcp4725Driver implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Mcp4725Driver.class.getName());

    public static final int MIN_ADDRESS = 0x60;
    public static final int MAX_ADDRESS = 0x67;
    public static final int MAX_CODE = 4095;
    public static final int STEPS = 4096;
    public static final int MID_SCALE = 2048;

    /** C2 C1 C0 = 011: write the DAC register and the EEPROM. */
    static final int WRITE_DAC_AND_EEPROM = 0b011 << 5;
    /**
     * How long an EEPROM write may keep RDY/BSY low before the driver gives up: twice the
     * datasheet's longest EEPROM write cycle (DS22039D, EEPROM write time: 25 ms typical, 50 ms
     * maximum), polled every {@link #EEPROM_POLL_NANOS}.
     */
    static final long EEPROM_WRITE_LIMIT_NANOS = 100_000_000L;
    static final long EEPROM_POLL_NANOS = 5_000_000L;

    private final I2cChip chip;
    private final double vrefVolts;
    private volatile int code = -1;
    private volatile PowerDown mode = PowerDown.NORMAL;
    private final AtomicLong codesRestored = new AtomicLong();

    /**
     * Opens the chip and drives {@code initialCode} in normal mode, so that whatever the EEPROM
     * loaded at power-up is replaced at once.
     *
     * @param vrefVolts the chip's supply, which is its reference, in V
     * @throws IllegalArgumentException when {@code initialCode} is outside 0–4095
     * @throws HalException             when the chip does not answer
     */
    public Mcp4725Driver(I2cChip chip, double vrefVolts, int initialCode) {
        if (!(vrefVolts >= 2.7 && vrefVolts <= 5.5)) {
            throw new IllegalArgumentException("MCP4725 reference (its VDD) must be 2.7 V to 5.5 V, was " + vrefVolts + " V");
        }
        this.chip = Objects.requireNonNull(chip, "chip");
        this.vrefVolts = vrefVolts;
        setCode(initialCode);
    }

    /** A chip on a bus of its own (no retries); see {@link #Mcp4725Driver(I2cChip, double, int)}. */
    public Mcp4725Driver(I2C i2c, double vrefVolts, int initialCode) {
        this(new I2cChip("MCP4725", Objects.requireNonNull(i2c, "i2c")), vrefVolts, initialCode);
    }

    /**
     * Checks that an MCP4725 answers by reading its five status bytes, without changing its output.
     *
     * @throws HalException when it does not answer
     */
    public static Mcp4725Status probe(I2cChip chip) {
        return Mcp4725Status.decode(chip.read(5));
    }

    /** Drives {@code code} in normal mode with a fast-mode write, and checks that the chip holds it. */
    public void setCode(int code) {
        fastWrite(code, PowerDown.NORMAL);
    }

    /**
     * Drives {@code code} in normal mode without waiting for the bus: written now if it is free, else
     * as soon as it is (see {@link I2cChip#writeWithoutWaiting}). Not read back: for the safe state,
     * which must not wait; the next {@link #verify} checks it.
     */
    public void setCodeWithoutWaiting(int code) {
        byte[] bytes = fastWriteBytes(code, PowerDown.NORMAL);
        this.code = code;
        this.mode = PowerDown.NORMAL;
        chip.writeWithoutWaiting(bytes);
    }

    /** Enters a power-down mode, keeping {@code code} in the DAC register for when it is left. */
    public void powerDown(PowerDown mode, int code) {
        fastWrite(code, mode);
    }

    /**
     * Reads the chip back and, when it does not hold the last code and mode written (a reset loaded
     * its EEPROM code), writes them again.
     *
     * @return true when the chip had to be set right
     * @throws HalException when it still does not hold them after the second write
     */
    public boolean verify() {
        int expected = code;
        if (expected < 0) {
            return false;
        }
        Mcp4725Status status = readStatus();
        if (holds(status, expected, mode)) {
            return false;
        }
        codesRestored.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "{0} held code {1} ({2}) instead of {3} ({4}): written again",
                chip.describe(), status.dacCode(), status.powerDown(), expected, mode);
        fastWrite(expected, mode);
        return true;
    }

    /** How often {@link #verify} or a write's read-back found the chip not holding its code. */
    public long codesRestored() {
        return codesRestored.get();
    }

    /** The two bytes of a fast-mode write. */
    public static byte[] fastWriteBytes(int code, PowerDown mode) {
        checkCode(code);
        return new byte[] {(byte) (mode.bits() << 4 | code >> 8), (byte) code};
    }

    private void fastWrite(int code, PowerDown mode) {
        byte[] bytes = fastWriteBytes(code, mode);
        this.code = code;
        this.mode = mode;
        chip.write(bytes);
        Mcp4725Status status = readStatus();
        if (holds(status, code, mode)) {
            return;
        }
        codesRestored.incrementAndGet();
        chip.write(bytes);
        status = readStatus();
        if (!holds(status, code, mode)) {
            throw new HalException(chip.describe() + " does not hold code " + code + " (" + mode + "): it reads back "
                    + status.dacCode() + " (" + status.powerDown() + ") after two writes");
        }
    }

    private static boolean holds(Mcp4725Status status, int code, PowerDown mode) {
        return status.dacCode() == code && status.powerDown() == mode;
    }

    /**
     * Stores {@code code} (normal mode) in the EEPROM, so the chip starts there at power-up, and waits
     * until the chip reports the write done (RDY/BSY back to 1); the DAC output takes the code too.
     *
     * @return the chip's status once the write is done
     * @throws HalException when RDY/BSY stays low beyond {@link #EEPROM_WRITE_LIMIT_NANOS}, or the EEPROM
     *                      does not hold the code afterwards
     */
    public Mcp4725Status storePowerUpCode(int code, Pacer pacer) {
        checkCode(code);
        this.code = code;
        this.mode = PowerDown.NORMAL;
        chip.write((byte) WRITE_DAC_AND_EEPROM, (byte) (code >> 4), (byte) (code << 4));
        long started = pacer.nanoTime();
        Mcp4725Status status = readStatus();
        while (!status.ready()) {
            if (pacer.nanoTime() - started > EEPROM_WRITE_LIMIT_NANOS) {
                throw new HalException(chip.describe() + ": the EEPROM write of code " + code + " was still busy (RDY/BSY = 0)"
                        + " after " + EEPROM_WRITE_LIMIT_NANOS / 1_000_000 + " ms; the datasheet allows 50 ms");
            }
            pacer.pause(EEPROM_POLL_NANOS);
            status = readStatus();
        }
        if (status.eepromCode() != code || status.eepromPowerDown() != PowerDown.NORMAL) {
            throw new HalException(chip.describe() + ": after the EEPROM write of code " + code + " the EEPROM holds "
                    + status.eepromCode() + " (" + status.eepromPowerDown() + ")");
        }
        return status;
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
