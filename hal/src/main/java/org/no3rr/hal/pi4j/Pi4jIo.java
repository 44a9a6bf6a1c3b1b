package org.no3rr.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;
import org.no3rr.hal.HalException;
import org.no3rr.hal.board.I2cAddress;
import org.no3rr.hal.i2c.BusPolicy;
import org.no3rr.hal.i2c.ClockOutRecovery;
import org.no3rr.hal.i2c.I2cBus;
import org.no3rr.hal.i2c.I2cChip;
import org.no3rr.hal.i2c.Pacer;

/**
 * The I/O a backend opened on a Pi4J context, so it can give every handle back to the context's
 * registry on close (a later backend on the same context can then open the same pins and addresses).
 * The plugins on the class path decide what a handle is: linuxfs I2C and gpiod GPIO on a Pi, the
 * mock plugin or test fakes elsewhere.
 *
 * <p>Every chip on one bus number shares one {@link I2cBus}: its lock, retries and recovery. A
 * bus is cleared by clocking out a read at its free address ({@link ClockOutRecovery}).
 */
final class Pi4jIo {

    private final Context context;
    private final Pacer pacer;
    private final BusPolicy policy;
    private final IntUnaryOperator freeAddress;
    private final Map<I2cAddress, I2C> i2c = new ConcurrentHashMap<>();
    private final Map<Integer, I2cBus> buses = new ConcurrentHashMap<>();
    private final List<String> ids = new CopyOnWriteArrayList<>();

    /** @param freeAddress per bus number, an address no chip of the board answers at */
    Pi4jIo(Context context, Pacer pacer, BusPolicy policy, IntUnaryOperator freeAddress) {
        this.context = context;
        this.pacer = pacer;
        this.policy = policy;
        this.freeAddress = freeAddress;
    }

    Pacer pacer() {
        return pacer;
    }

    /** A chip on its bus, through the bus's lock, retries and recovery. */
    I2cChip chip(String part, I2cAddress address) {
        return new I2cChip(part, i2c(part, address), bus(address.bus()));
    }

    /** The bus {@code number}, shared by every chip on it. */
    I2cBus bus(int number) {
        return buses.computeIfAbsent(number, n -> new I2cBus(n, policy,
                new ClockOutRecovery(b -> i2c("bus recovery", new I2cAddress(b, freeAddress.applyAsInt(b)))), pacer));
    }

    /** The handle for an address; one per address, shared by the self-test and the driver. */
    I2C i2c(String part, I2cAddress address) {
        return i2c.computeIfAbsent(address, a -> {
            try {
                I2C handle = context.create(I2C.newConfigBuilder(context).bus(a.bus()).device(a.address()).build());
                ids.add(handle.id());
                return handle;
            } catch (RuntimeException e) {
                throw new BusUnavailableException(a.bus(), I2cChip.describe(part, a.bus(), a.address()), e);
            }
        });
    }

    /**
     * An output pin that starts at {@code idle} and returns to it when the context shuts down.
     */
    DigitalOutput output(String name, int bcmPin, DigitalState idle) {
        try {
            DigitalOutput out = context.create(DigitalOutput.newConfigBuilder(context)
                    .id("no3rr-" + name.replace('.', '-')).name(name).address(bcmPin)
                    .initial(idle).shutdown(idle).build());
            ids.add(out.id());
            return out;
        } catch (RuntimeException e) {
            throw new HalException(name + " on GPIO " + bcmPin + " could not be opened: " + e.getMessage(), e);
        }
    }

    /** Gives every handle back to the context; I2C handles close, output pins go to their idle level. */
    void release() {
        RuntimeException failure = null;
        for (String id : ids) {
            try {
                context.shutdown(id);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        ids.clear();
        i2c.clear();
        buses.clear();
        if (failure != null) {
            throw new HalException("Pi4J I/O could not be released: " + failure.getMessage(), failure);
        }
    }
}
