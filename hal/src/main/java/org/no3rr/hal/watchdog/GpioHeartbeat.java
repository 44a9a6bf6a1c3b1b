package org.no3rr.hal.watchdog;

import com.pi4j.io.gpio.digital.DigitalOutput;
import java.util.Objects;
import org.no3rr.hal.HalException;
import org.no3rr.hal.SafeStateOutput;

/**
 * The software half of the hardware watchdog: a GPIO pin whose edges retrigger an external
 * monostable (a 74HCT123, whose TTL inputs take the Pi's 3.3 V) that keeps the relay supply on. The
 * station calls {@link #toggle()} every {@code watchdog.toggle-interval-ms} while its channels'
 * control loops are on time; if a loop stalls, or the JVM or the Pi hangs, the edges stop, the
 * monostable times out and every relay drops open in hardware — no software has to be alive for the
 * cell to be disconnected. (A supervisor such as the TPS3823 does not fit: it re-arms by itself after
 * its reset pulse and takes a floating input for "watchdog disabled".)
 *
 * <p>Only edges count, never a level: a pin stuck high or low (crashed process, reset Pi) is a
 * hang. Safe state leaves the pin low, which lets the monostable time out.
 */
public final class GpioHeartbeat implements SafeStateOutput, AutoCloseable {

    private final DigitalOutput pin;
    private final long toggleIntervalMillis;
    private long edges;

    /** Starts low; the relays get power only once the station begins to toggle. */
    public GpioHeartbeat(DigitalOutput pin, long toggleIntervalMillis) {
        if (toggleIntervalMillis <= 0) {
            throw new IllegalArgumentException("heartbeat interval must be a positive number of ms, was " + toggleIntervalMillis);
        }
        this.pin = Objects.requireNonNull(pin, "pin");
        this.toggleIntervalMillis = toggleIntervalMillis;
        drive(false);
    }

    /** One edge. Called by the station's scheduler, never from a request thread. */
    public synchronized void toggle() {
        drive(!pin.isHigh());
        edges++;
    }

    /** How often the station must call {@link #toggle()}, in ms. */
    public long toggleIntervalMillis() {
        return toggleIntervalMillis;
    }

    /** Edges made since start, for the health check. */
    public synchronized long edges() {
        return edges;
    }

    /** Stops the heartbeat with the pin low, so the external watchdog drops the relays. */
    @Override
    public synchronized void toSafeState() {
        drive(false);
    }

    @Override
    public void close() {
        toSafeState();
    }

    private void drive(boolean high) {
        try {
            if (high) {
                pin.high();
            } else {
                pin.low();
            }
        } catch (RuntimeException e) {
            throw new HalException("watchdog heartbeat on GPIO " + pin.address() + " could not be driven: " + e.getMessage(), e);
        }
    }
}
