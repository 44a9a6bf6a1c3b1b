package org.no3rr.hal.board;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.no3rr.hal.i2c.I2cChip;

/**
 * The entries of a board file with typed getters that never throw: a bad or missing value adds an
 * error naming the entry, the value and what is allowed, and returns null, so that one pass finds
 * every mistake. Keys that nobody asked for are unknown.
 */
final class Entries {

    private final Map<String, String> values = new TreeMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> errors = new ArrayList<>();

    Entries(Map<String, String> entries) {
        entries.forEach((k, v) -> values.put(k.trim(), v.trim()));
    }

    Set<String> keys() {
        return values.keySet();
    }

    List<String> errors() {
        return errors;
    }

    void error(String message) {
        errors.add(message);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Marks {@code key} as known without reading it. */
    void allow(String key) {
        used.add(key);
    }

    List<String> unknownKeys() {
        return values.keySet().stream().filter(k -> !used.contains(k)).toList();
    }

    String text(String key, String defaultValue) {
        used.add(key);
        return values.getOrDefault(key, defaultValue);
    }

    String required(String key, String what) {
        used.add(key);
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            error("missing " + key + " (" + what + ")");
            return null;
        }
        return value;
    }

    /** An I2C address, written 0x48 or 72, within a chip's range. */
    Integer address(String key, String part, int min, int max) {
        String text = required(key, "the " + part + "'s I2C address, " + I2cChip.hex(min) + " to " + I2cChip.hex(max));
        if (text == null) {
            return null;
        }
        Integer address = parseInt(text);
        if (address == null || address < min || address > max) {
            error(key + " = " + text + " is not an " + part + " address: allowed " + I2cChip.hex(min) + " to " + I2cChip.hex(max));
            return null;
        }
        return address;
    }

    Integer integer(String key, int min, int max, Integer defaultValue, String what) {
        String text = defaultValue == null ? required(key, what) : text(key, null);
        if (text == null) {
            return defaultValue;
        }
        Integer value = parseInt(text);
        if (value == null || value < min || value > max) {
            error(key + " = " + text + " is not allowed: " + what + ", " + min + " to " + max);
            return null;
        }
        return value;
    }

    Double number(String key, Double defaultValue, String what) {
        String text = defaultValue == null ? required(key, what) : text(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        error(key + " = " + text + " is not a number (" + what + ")");
        return null;
    }

    Double positive(String key, Double defaultValue, String what) {
        Double value = number(key, defaultValue, what);
        if (value != null && !(value > 0)) {
            error(key + " = " + value + " must be greater than 0 (" + what + ")");
            return null;
        }
        return value;
    }

    boolean bool(String key) {
        String text = text(key, "false");
        if (!text.equals("true") && !text.equals("false")) {
            error(key + " = " + text + " must be true or false");
        }
        return text.equals("true");
    }

    /** A value parsed by {@code parser}, which throws IllegalArgumentException with the allowed values. */
    <T> T choice(String key, Function<String, T> parser, T defaultValue, String what) {
        String text = defaultValue == null ? required(key, what) : text(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            error(key + " = " + text + ": " + e.getMessage());
            return null;
        }
    }

    private static Integer parseInt(String text) {
        try {
            return text.startsWith("0x") || text.startsWith("0X")
                    ? Integer.parseInt(text.substring(2), 16)
                    : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
