package org.no3rr.station.hardware;

import com.pi4j.context.Context;

/**
 * Where the Pi4J backend gets its context. A bean of its own so that tests can replace the real
 * providers (linuxfs I2C, gpiod GPIO) with Pi4J's mock plugin and fake chips, and run the same
 * drivers the Raspberry Pi runs.
 */
public interface Pi4jContextFactory {

    /** A new context; the backend shuts it down when it closes. */
    Context create();
}
