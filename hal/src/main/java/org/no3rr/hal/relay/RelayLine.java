package org.no3rr.hal.relay;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.Objects;

/**
 * One relay coil driver on a GPIO pin. Relay boards differ: many opto-isolated modules energise on
 * a LOW input (active-low), transistor drivers on HIGH (active-high).
 *
 * @param name      what the relay switches, e.g. {@code "ch1.cell"}; used in messages
 * @param output    the pin, configured by the caller
 * @param activeLow whether LOW energises the coil
 */
public record RelayLine(String name, DigitalOutput output, boolean activeLow) {

    public RelayLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(output, "output");
    }

    /** The pin level that energises the coil (contact closed). */
    public DigitalState energised() {
        return energisedLevel(activeLow);
    }

    /** The pin level that leaves the coil de-energised (contact open): the safe state. */
    public DigitalState deEnergised() {
        return deEnergisedLevel(activeLow);
    }

    public static DigitalState energisedLevel(boolean activeLow) {
        return activeLow ? DigitalState.LOW : DigitalState.HIGH;
    }

    public static DigitalState deEnergisedLevel(boolean activeLow) {
        return activeLow ? DigitalState.HIGH : DigitalState.LOW;
    }
}
