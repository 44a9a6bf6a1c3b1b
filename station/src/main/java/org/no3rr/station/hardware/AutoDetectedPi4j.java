package org.no3rr.station.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import jakarta.inject.Singleton;

/**
 * The context of a real Raspberry Pi: {@code Pi4J.newAutoContext()} finds pi4j-plugin-linuxfs
 * (I2C) and pi4j-plugin-gpiod (GPIO) on the class path through ServiceLoader (docs/hardware.md).
 * Only called when {@code station.hal.backend=pi4j}, so a station on the simulator never probes
 * the board.
 */
@Singleton
public class AutoDetectedPi4j implements Pi4jContextFactory {

    @Override
    public Context create() {
        return Pi4J.newAutoContext();
    }
}
