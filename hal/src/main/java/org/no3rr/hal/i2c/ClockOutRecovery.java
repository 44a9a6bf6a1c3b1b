package org.no3rr.hal.i2c;

import com.pi4j.io.i2c.I2C;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Bus clear through the kernel's own driver: a one-byte read from an address no chip of the board
 * uses. The controller sends START, seven address bits and R/W and clocks the ACK slot — nine SCL
 * pulses, the count the I2C specification asks for (NXP UM10204, 3.1.16) — then, as nobody
 * acknowledges, a STOP. A slave that was stuck in the middle of sending a byte shifts the rest out
 * on those clocks, sees SDA high in its ACK slot (a NACK) and lets go of SDA.
 *
 * <p>It is the only bus clear a process without root can do on a Raspberry Pi: the BCM2835/BCM2711
 * controller's Linux driver ({@code i2c-bcm2835}) has no bus-recovery hook, and the pins cannot be
 * switched to GPIO and back without root tools. It cannot help a slave that holds SCL low; then
 * only a power cycle of the board clears the bus. See {@code docs/hardware.md}.
 */
public final class ClockOutRecovery implements BusRecovery {

    private final IntFunction<I2C> freeAddressHandle;

    /** @param freeAddressHandle the Pi4J handle, per bus, of an address no chip answers at */
    public ClockOutRecovery(IntFunction<I2C> freeAddressHandle) {
        this.freeAddressHandle = Objects.requireNonNull(freeAddressHandle, "freeAddressHandle");
    }

    @Override
    public void recover(int bus) {
        try {
            freeAddressHandle.apply(bus).read(new byte[1], 0, 1);
        } catch (RuntimeException expected) {
            // Nobody answers at the free address: the NACK is the point, the clocks are the cure.
        }
    }
}
