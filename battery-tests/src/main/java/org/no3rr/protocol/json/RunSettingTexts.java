package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the run-wide settings of the JSON form as their protocol lines: {@code limits} →
 * {@code Limits: 0 V to 2.6 V, -50 mA to 50 mA}, {@code record} → {@code Record every 1 s or 5 mV},
 * each of {@code stops} → {@code Stop when discharge capacity < 80 % of cycle 1}.
 */
final class RunSettingTexts {

    private RunSettingTexts() {
    }

    /** {@code {"voltage": {"min": q, "max": q}, "current": {"min": q, "max": q}}}, either window. */
    static String limits(JsonFields fields, JsonNode node, Place place) {
        ObjectNode o = fields.object(node, place, "voltage", "current");
        if (o == null) {
            return null;
        }
        if (o.isEmpty()) {
            fields.fail(place, "give a voltage window, a current window or both");
            return null;
        }
        List<String> windows = new ArrayList<>();
        if (o.has("voltage")) {
            windows.add(window(fields, o.get("voltage"), place.child("voltage"), QuantityKind.VOLTAGE));
        }
        if (o.has("current")) {
            windows.add(window(fields, o.get("current"), place.child("current"), QuantityKind.CURRENT,
                    QuantityKind.CURRENT_DENSITY));
        }
        return windows.contains(null) ? null : "Limits: " + String.join(", ", windows);
    }

    private static String window(JsonFields fields, JsonNode node, Place place, QuantityKind... kinds) {
        ObjectNode o = fields.object(node, place, "min", "max");
        if (o == null) {
            return null;
        }
        String min = fields.quantity(fields.required(o, "min", place), place.child("min"), kinds);
        String max = fields.quantity(fields.required(o, "max", place), place.child("max"), kinds);
        return min == null || max == null ? null : min + " to " + max;
    }

    /** The thresholds of a recording rule, {@code {"time": q, "voltage": q, "current": q}}, as "1 s or 5 mV". */
    static String thresholds(JsonFields fields, JsonNode node, Place place) {
        ObjectNode o = fields.object(node, place, "time", "voltage", "current");
        if (o == null) {
            return null;
        }
        if (o.isEmpty()) {
            fields.fail(place, "give at least one of time, voltage, current");
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (o.has("time")) {
            parts.add(fields.quantity(o.get("time"), place.child("time"), QuantityKind.TIME));
        }
        if (o.has("voltage")) {
            parts.add(fields.quantity(o.get("voltage"), place.child("voltage"), QuantityKind.VOLTAGE));
        }
        if (o.has("current")) {
            parts.add(fields.quantity(o.get("current"), place.child("current"), QuantityKind.CURRENT,
                    QuantityKind.CURRENT_DENSITY));
        }
        return parts.contains(null) ? null : String.join(" or ", parts);
    }

    /** {@code {"capacity": "discharge", "below": {"value": 80, "unit": "%"}, "ofCycle": 1}}. */
    static String stop(JsonFields fields, JsonNode node, Place place) {
        ObjectNode o = fields.object(node, place, "capacity", "below", "ofCycle");
        if (o == null) {
            return null;
        }
        String kind = fields.choice(fields.required(o, "capacity", place), place.child("capacity"),
                "discharge", "charge");
        String below = fields.quantity(fields.required(o, "below", place), place.child("below"),
                QuantityKind.PERCENT, QuantityKind.CAPACITY);
        String cycle = o.has("ofCycle") ? fields.wholeNumber(o.get("ofCycle"), place.child("ofCycle")) : "";
        if (kind == null || below == null || cycle == null) {
            return null;
        }
        return "Stop when " + kind + " capacity < " + below + (cycle.isEmpty() ? "" : " of cycle " + cycle);
    }
}
