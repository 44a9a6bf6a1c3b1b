package org.no3rr.hal.fake;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CBus;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A chip on a fake I2C bus, behind Pi4J's real {@link I2C} interface: register-pointer reads and
 * writes go to {@link #onRegisterRead} / {@link #onRegisterWrite} of the chip
 * model, pointer-less ones to {@link #onRawWrite}/{@link #onRawRead}. Every transaction is logged in
 * hex ("W 01 C383", "R 00 7FFF", "W 0800") so tests can assert the exact bytes a driver sends.
 * A chip that is {@link #unplug() unplugged} fails every transfer as linuxfs does with ENXIO; a
 * {@link BusFault} of the provider's bus comes before that, as the bus comes before the chip.
 */
public abstract class FakeI2c extends I2CBase<I2CBus> {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean present = true;

    protected FakeI2c(I2CProvider provider, I2CConfig config) {
        super(provider, config, new DirectBus());
    }

    /** The config of a chip on bus 1 at {@code address}, for a fake used without a Pi4J context. */
    public static I2CConfig onBus1(int address) {
        return I2C.newConfigBuilder(null).bus(1).device(address).build();
    }

    /** A copy of the transactions so far. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Log lines that are writes. */
    public List<String> writes() {
        return log().stream().filter(l -> l.startsWith("W")).toList();
    }

    public void clearLog() {
        log.clear();
    }

    public void unplug() {
        present = false;
    }

    protected abstract byte[] onRegisterRead(int register, int length);

    protected abstract void onRegisterWrite(int register, byte[] data);

    protected byte[] onRawRead(int length) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no pointer-less read");
    }

    protected void onRawWrite(byte[] data) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no pointer-less write");
    }

    /** The provider's bus fault check, then the chip's own presence. */
    private void transfer(boolean read) {
        if (provider() instanceof FakeI2cProvider fakes) {
            fakes.fault(bus()).enter(present, read, device());
        }
        requirePresent();
    }

    private void requirePresent() {
        if (!present) {
            throw new Pi4JException("Remote I/O error (no ACK from " + String.format("0x%02X", device()) + ")");
        }
    }

    @Override
    public int write(byte b) {
        return write(new byte[] {b}, 0, 1);
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        transfer(false);
        byte[] bytes = java.util.Arrays.copyOfRange(data, offset, offset + length);
        log.add("W " + HEX.formatHex(bytes));
        onRawWrite(bytes);
        return length;
    }

    @Override
    public int write(Charset charset, CharSequence data) {
        byte[] bytes = data.toString().getBytes(charset);
        return write(bytes, 0, bytes.length);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        read(one, 0, 1);
        return one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        transfer(true);
        byte[] bytes = onRawRead(length);
        log.add("R " + HEX.formatHex(bytes));
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }

    @Override
    public int writeRegister(int register, byte b) {
        return writeRegister(register, new byte[] {b}, 0, 1);
    }

    @Override
    public int writeRegister(int register, byte[] data, int offset, int length) {
        transfer(false);
        byte[] bytes = java.util.Arrays.copyOfRange(data, offset, offset + length);
        log.add("W " + HEX.toHexDigits((byte) register) + " " + HEX.formatHex(bytes));
        onRegisterWrite(register, bytes);
        return length;
    }

    @Override
    public int writeRegister(byte[] register, byte[] data, int offset, int length) {
        throw new UnsupportedOperationException("16-bit register pointers are not used by these chips");
    }

    @Override
    public int readRegister(int register) {
        byte[] one = new byte[1];
        readRegister(register, one, 0, 1);
        return one[0] & 0xFF;
    }

    @Override
    public int readRegister(int register, byte[] buffer, int offset, int length) {
        transfer(true);
        byte[] bytes = onRegisterRead(register, length);
        log.add("R " + HEX.toHexDigits((byte) register) + " " + HEX.formatHex(bytes));
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }

    @Override
    public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
        throw new UnsupportedOperationException("16-bit register pointers are not used by these chips");
    }

    /** A big-endian word as two bytes, as these chips send it. */
    protected static byte[] word(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    protected static int word(byte[] data) {
        return (data[0] & 0xFF) << 8 | data[1] & 0xFF;
    }

    /** A bus without locking: tests are single-threaded. */
    private static final class DirectBus implements I2CBus {
        @Override
        public <R> R execute(I2C i2c, java.util.concurrent.Callable<R> action) {
            try {
                return action.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new Pi4JException(e);
            }
        }
    }
}
