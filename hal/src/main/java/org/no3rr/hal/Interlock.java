package org.no3rr.hal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reasons a channel's cell relay must not close, each under a key so that whoever engaged it can
 * release it: a DAC whose EEPROM would power up off zero ({@code dac-eeprom:…}), a control loop
 * that stalled ({@code control-loop}). While any reason stands, {@link CellRelay#connect()} fails
 * naming them all; opening the relay is always allowed.
 */
public final class Interlock {

    private final Map<String, String> reasons = new TreeMap<>();

    /** Forbids connecting the cell for {@code reason} until {@link #release(String) release(key)}. */
    public synchronized void engage(String key, String reason) {
        reasons.put(key, reason);
    }

    public synchronized void release(String key) {
        reasons.remove(key);
    }

    public synchronized boolean engaged() {
        return !reasons.isEmpty();
    }

    /** The reasons in force, by key. */
    public synchronized Map<String, String> reasons() {
        return Map.copyOf(reasons);
    }

    /** @throws HalException naming every reason in force */
    synchronized void check(String channelId) {
        if (!reasons.isEmpty()) {
            throw new HalException("channel " + channelId + " may not connect its cell: " + String.join("; ", reasons.values()));
        }
    }
}
