package org.no3rr.hal.i2c;

import com.pi4j.io.i2c.I2C;
import java.util.Objects;
import org.no3rr.hal.HalException;

/**
 * A Pi4J {@link I2C} handle that knows which chip it talks to, so that every bus failure becomes a
 * {@link HalException} naming the part, the bus and the address ("ADS1115 on bus 1 at 0x48") — the
 * station puts that text in the run's fault reason, and the operator needs it to find the board.
 * Every transfer goes through the chip's {@link I2cBus}: one at a time per bus, retried with
 * back-off and a bus recovery.
 *
 * <p>Words are big-endian (MSB first), as on the ADS1115 and the INA226. Nothing read is cached.
 */
public final class I2cChip implements AutoCloseable {

    private final String part;
    private final I2C i2c;
    private final I2cBus bus;
    private final String description;

    public I2cChip(String part, I2C i2c, I2cBus bus) {
        this.part = Objects.requireNonNull(part, "part");
        this.i2c = Objects.requireNonNull(i2c, "i2c");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.description = describe(part, i2c.bus(), i2c.device());
    }

    /** A chip on a bus of its own: one try, no recovery (driver tests and single-chip tools). */
    public I2cChip(String part, I2C i2c) {
        this(part, i2c, I2cBus.standalone(i2c.bus()));
    }

    public String part() {
        return part;
    }

    public I2cBus bus() {
        return bus;
    }

    /** "ADS1115 on bus 1 at 0x48". */
    public String describe() {
        return description;
    }

    public static String describe(String part, int bus, int address) {
        return part + " on bus " + bus + " at " + hex(address);
    }

    /** An address as written in datasheets and board files: {@code 0x48}. */
    public static String hex(int address) {
        return String.format("0x%02X", address);
    }

    public int readWord(int register) {
        return transact("reading register " + hex(register), () -> i2c.readRegisterWord(register) & 0xFFFF);
    }

    public void writeWord(int register, int word) {
        transact("writing register " + hex(register), () -> i2c.writeRegisterWord(register, word & 0xFFFF));
    }

    /** A write without a register pointer, for chips such as the MCP4725 whose commands are the bytes themselves. */
    public void write(byte... bytes) {
        transact("writing " + bytes.length + " bytes", () -> writeAll(bytes));
    }

    /**
     * As {@link #write}, but never waits for the bus: when it is busy the write is queued and done as
     * soon as the bus is free (see {@link I2cBus#runNowOrDefer}). For writes that make an output safe;
     * a queued write replaces one queued earlier for this chip.
     *
     * @return true when it was written now
     */
    public boolean writeWithoutWaiting(byte... bytes) {
        return bus.runNowOrDefer(this, description, "writing " + bytes.length + " bytes", () -> writeAll(bytes));
    }

    /** A read without a register pointer; fails unless exactly {@code length} bytes arrive. */
    public byte[] read(int length) {
        return transact("reading " + length + " bytes", () -> {
            byte[] buffer = new byte[length];
            int got = i2c.read(buffer, 0, length);
            if (got != length) {
                throw new IllegalStateException("read " + got + " of " + length + " bytes");
            }
            return buffer;
        });
    }

    private int writeAll(byte[] bytes) {
        int written = i2c.write(bytes);
        if (written != bytes.length) {
            throw new IllegalStateException("wrote " + written + " of " + bytes.length + " bytes");
        }
        return written;
    }

    private <T> T transact(String what, java.util.function.Supplier<T> transfer) {
        return bus.transact(description, what, transfer);
    }

    @Override
    public void close() {
        i2c.close();
    }
}
