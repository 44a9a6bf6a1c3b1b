package org.no3rr.hal.i2c;

import com.pi4j.io.i2c.I2C;
import java.util.Objects;
import org.no3rr.hal.HalException;

/**
 * A Pi4J {@link I2C} handle that knows which chip it talks to, so that every bus failure becomes a
 * {@link HalException} naming the part, the bus and the address ("ADS1115 on bus 1 at 0x48") — the
 * station puts that text in the run's fault reason, and the operator needs it to find the board.
 *
 * <p>Words are big-endian (MSB first), as on the ADS1115 and the INA226. Nothing read is cached.
 */
public final class I2cChip implements AutoCloseable {

    private final String part;
    private final I2C i2c;

    public I2cChip(String part, I2C i2c) {
        this.part = Objects.requireNonNull(part, "part");
        this.i2c = Objects.requireNonNull(i2c, "i2c");
    }

    /** "ADS1115 on bus 1 at 0x48". */
    public String describe() {
        return describe(part, i2c.bus(), i2c.device());
    }

    public static String describe(String part, int bus, int address) {
        return part + " on bus " + bus + " at " + hex(address);
    }

    /** An address as written in datasheets and board files: {@code 0x48}. */
    public static String hex(int address) {
        return String.format("0x%02X", address);
    }

    public int readWord(int register) {
        try {
            return i2c.readRegisterWord(register) & 0xFFFF;
        } catch (RuntimeException e) {
            throw failure("reading register " + hex(register), e);
        }
    }

    public void writeWord(int register, int word) {
        try {
            i2c.writeRegisterWord(register, word & 0xFFFF);
        } catch (RuntimeException e) {
            throw failure("writing register " + hex(register), e);
        }
    }

    /** A write without a register pointer, for chips such as the MCP4725 whose commands are the bytes themselves. */
    public void write(byte... bytes) {
        int written;
        try {
            written = i2c.write(bytes);
        } catch (RuntimeException e) {
            throw failure("writing " + bytes.length + " bytes", e);
        }
        if (written != bytes.length) {
            throw new HalException(describe() + ": wrote " + written + " of " + bytes.length + " bytes");
        }
    }

    /** A read without a register pointer; fails unless exactly {@code length} bytes arrive. */
    public byte[] read(int length) {
        byte[] buffer = new byte[length];
        int got;
        try {
            got = i2c.read(buffer, 0, length);
        } catch (RuntimeException e) {
            throw failure("reading " + length + " bytes", e);
        }
        if (got != length) {
            throw new HalException(describe() + ": read " + got + " of " + length + " bytes");
        }
        return buffer;
    }

    private HalException failure(String what, RuntimeException cause) {
        return new HalException(describe() + ": " + what + " failed: " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        i2c.close();
    }
}
