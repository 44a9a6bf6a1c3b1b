package org.no3rr.hal.fake;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.io.i2c.I2CProviderBase;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * A Pi4J I2C provider whose buses hold fake chips, so a real Pi4J {@code Context} (with the mock
 * plugin's GPIO) can run the Pi4J backend unchanged. An address without a chip opens like linuxfs
 * does (opening never fails) and then fails every transfer.
 */
public final class FakeI2cProvider extends I2CProviderBase implements I2CProvider {

    private record Key(int bus, int address) {
    }

    private final Map<Key, BiFunction<I2CProvider, I2CConfig, FakeI2c>> wiring = new HashMap<>();
    private final Map<Key, FakeI2c> opened = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Key> unplugged = new HashSet<>();
    private final Set<Integer> missingBuses = new HashSet<>();
    private final Map<Integer, BusFault> faults = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile LongSupplier clock = System::nanoTime;

    public FakeI2cProvider() {
        super("fake-i2c", "Fake I2C chips");
    }

    @Override
    public int getPriority() {
        return 2000;
    }

    /**
     * The time the chips convert and write their EEPROM by: the system's by default (a station test
     * in real time), a {@link FakeTime} for tests whose drivers wait on that same fake time.
     */
    public FakeI2cProvider time(LongSupplier nanoTime) {
        this.clock = nanoTime;
        return this;
    }

    public long nanoTime() {
        return clock.getAsLong();
    }

    /** What is wrong with bus {@code bus} as a whole (nothing, until a test says). */
    public BusFault fault(int bus) {
        return faults.computeIfAbsent(bus, b -> new BusFault());
    }

    public FakeI2cProvider chip(int bus, int address, BiFunction<I2CProvider, I2CConfig, FakeI2c> factory) {
        wiring.put(new Key(bus, address), factory);
        return this;
    }

    /** Bus {@code bus} does not exist: opening any address on it fails as linuxfs does without /sys/bus/i2c/devices/i2c-N. */
    public FakeI2cProvider missingBus(int bus) {
        missingBuses.add(bus);
        return this;
    }

    /** The chip at {@code address} stops answering (now and when opened later). */
    public FakeI2cProvider unplug(int bus, int address) {
        unplugged.add(new Key(bus, address));
        FakeI2c chip = opened.get(new Key(bus, address));
        if (chip != null) {
            chip.unplug();
        }
        return this;
    }

    /** The chip model last opened at {@code address}. */
    public <T extends FakeI2c> T opened(int bus, int address, Class<T> type) {
        FakeI2c chip = opened.get(new Key(bus, address));
        if (chip == null) {
            throw new IllegalStateException("nothing opened at bus " + bus + " address " + address);
        }
        return type.cast(chip);
    }

    @Override
    public I2C create(I2CConfig config) {
        if (missingBuses.contains(config.bus())) {
            throw new com.pi4j.exception.Pi4JException("Sysfs validation failed for I2C bus " + config.bus() + ": path '"
                    + "/sys/bus/i2c/devices/i2c-" + config.bus() + "' does not exist.");
        }
        Key key = new Key(config.bus(), config.device());
        FakeI2c chip = wiring.getOrDefault(key, Absent::new).apply(this, config);
        if (unplugged.contains(key)) {
            chip.unplug();
        }
        opened.put(key, chip);
        context.registry().add(chip);
        return chip;
    }

    /** An address nobody answers at. */
    private static final class Absent extends FakeI2c {
        Absent(I2CProvider provider, I2CConfig config) {
            super(provider, config);
            unplug();
        }

        @Override
        protected byte[] onRegisterRead(int register, int length) {
            throw new IllegalStateException("unreachable");
        }

        @Override
        protected void onRegisterWrite(int register, byte[] data) {
            throw new IllegalStateException("unreachable");
        }
    }
}
