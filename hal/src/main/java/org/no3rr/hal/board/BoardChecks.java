package org.no3rr.hal.board;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/**
 * Checks across channels: a GPIO pin drives one thing, and an I2C address on a bus belongs to one
 * chip of one channel (two owners would fight over its configuration register).
 */
final class BoardChecks {

    private BoardChecks() {
    }

    static void uniquePinsAndAddresses(List<ChannelSpec> channels, Optional<WatchdogSpec> watchdog, Entries entries) {
        Map<Integer, String> pins = new HashMap<>();
        Map<I2cAddress, String> addresses = new HashMap<>();
        for (ChannelSpec c : channels) {
            String p = "channel." + c.id() + ".";
            claimPin(pins, c.relay().bcmPin(), p + "relay.pin", entries);
            claimAddress(addresses, c.adc(), p + "adc.address", entries);
            claimAddress(addresses, c.currentDac().address(), p + "dac.address", entries);
            if (c.current() instanceof CurrentSensing.Ina226Shunt ina) {
                claimAddress(addresses, ina.address(), p + "ina226.address", entries);
            }
            c.potentiostat().ifPresent(pot -> {
                claimPin(pins, pot.modeRelay().bcmPin(), p + "mode-relay.pin", entries);
                claimAddress(addresses, pot.setpointDac().address(), p + "potential.dac.address", entries);
            });
            // On the channel's own ADS1115 the sensor shares its chip; on another it owns that chip.
            c.temperature().filter(t -> !t.adc().equals(c.adc()))
                    .ifPresent(t -> claimAddress(addresses, t.adc(), p + "temperature.adc.address", entries));
        }
        watchdog.ifPresent(w -> claimPin(pins, w.bcmPin(), "watchdog.pin", entries));
    }

    private static void claimPin(Map<Integer, String> pins, int pin, String key, Entries entries) {
        String owner = pins.putIfAbsent(pin, key);
        if (owner != null) {
            entries.error(key + " = " + pin + " is already used by " + owner + ": every relay and the heartbeat need their own GPIO");
        }
    }

    private static void claimAddress(Map<I2cAddress, String> addresses, I2cAddress address, String key, Entries entries) {
        String owner = addresses.putIfAbsent(address, key);
        if (owner != null) {
            entries.error(key + " = " + address + " is already used by " + owner + ": every chip needs its own address on a bus");
        }
    }
}
