package org.no3rr.hal.relay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.no3rr.hal.CellRelay;
import org.no3rr.hal.HalException;
import org.no3rr.hal.SafeStateOutput;

/**
 * Relays on Raspberry Pi GPIO pins (BCM numbering), each active-high or active-low. The safe
 * state is open = coil de-energised, so a relay also opens when its supply is cut by the hardware
 * watchdog. The constructor opens every relay.
 */
public final class GpioRelayBank implements SafeStateOutput, AutoCloseable {

    private final Map<String, GpioRelay> relays = new LinkedHashMap<>();

    /** @throws HalException when a pin cannot be driven to its open level */
    public GpioRelayBank(List<RelayLine> lines) {
        for (RelayLine line : lines) {
            if (relays.putIfAbsent(line.name(), new GpioRelay(line)) != null) {
                throw new IllegalArgumentException("relay name " + line.name() + " is used twice");
            }
        }
        toSafeState();
    }

    /** The relay called {@code name}, e.g. {@code "ch1.cell"}. */
    public CellRelay relay(String name) {
        GpioRelay relay = relays.get(name);
        if (relay == null) {
            throw new IllegalArgumentException("no relay called " + name + "; the bank has " + relays.keySet());
        }
        return relay;
    }

    /** Opens every relay, trying each even when one fails. */
    @Override
    public void toSafeState() {
        List<RuntimeException> failures = new ArrayList<>();
        for (GpioRelay relay : relays.values()) {
            try {
                relay.disconnect();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            HalException failure = new HalException(failures.size() + " relay(s) could not be opened", failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Opens every relay; the pins themselves belong to the Pi4J context. */
    @Override
    public void close() {
        toSafeState();
    }

    /** A relay that remembers what it was told, never what the pin reads back. */
    private static final class GpioRelay implements CellRelay {
        private final RelayLine line;
        private volatile boolean connected;

        GpioRelay(RelayLine line) {
            this.line = line;
        }

        @Override
        public void connect() {
            drive(true);
        }

        @Override
        public void disconnect() {
            drive(false);
        }

        private void drive(boolean close) {
            try {
                line.output().state(close ? line.energised() : line.deEnergised());
            } catch (RuntimeException e) {
                throw new HalException("relay " + line.name() + " on GPIO " + line.output().address() + " could not be "
                        + (close ? "closed" : "opened") + ": " + e.getMessage(), e);
            }
            connected = close;
        }

        @Override
        public boolean isConnected() {
            return connected;
        }
    }
}
