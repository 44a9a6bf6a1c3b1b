package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.no3rr.protocol.Quantity;
import org.no3rr.protocol.QuantityKind;
import org.no3rr.protocol.RecordRule;
import org.no3rr.protocol.SafetyLimits;
import org.no3rr.protocol.StopCondition;

/**
 * Reads the run-wide settings of the JSON form into the model: {@code limits}, {@code record} (also
 * a step's own {@code record}) and each of {@code stops}. Their rules are the model's own.
 */
final class JsonRunSettings {

    private JsonRunSettings() {
    }

    /** {@code {"voltage": {"min": q, "max": q}, "current": {"min": q, "max": q}}}, either window. */
    static SafetyLimits limits(JsonFields fields, JsonNode node, Place place) {
        ObjectNode o = fields.object(node, place, "voltage", "current");
        if (o == null) {
            return null;
        }
        if (o.isEmpty()) {
            fields.fail(place, "give a voltage window, a current window or both");
            return null;
        }
        List<Quantity[]> windows = new ArrayList<>();
        if (o.has("voltage")) {
            windows.add(window(fields, o.get("voltage"), place.child("voltage"), QuantityKind.VOLTAGE));
        }
        if (o.has("current")) {
            windows.add(window(fields, o.get("current"), place.child("current"), QuantityKind.CURRENT,
                    QuantityKind.CURRENT_DENSITY));
        }
        return fields.make(place, !windows.contains(null), () -> SafetyLimits.of(windows, ""));
    }

    private static Quantity[] window(JsonFields fields, JsonNode node, Place place, QuantityKind... kinds) {
        ObjectNode o = fields.object(node, place, "min", "max");
        if (o == null) {
            return null;
        }
        Quantity min = fields.quantity(fields.required(o, "min", place), place.child("min"), kinds);
        Quantity max = fields.quantity(fields.required(o, "max", place), place.child("max"), kinds);
        return min == null || max == null ? null : new Quantity[] {min, max};
    }

    /** The thresholds of a recording rule, {@code {"time": q, "voltage": q, "current": q}}. */
    static RecordRule recording(JsonFields fields, JsonNode node, Place place) {
        ObjectNode o = fields.object(node, place, "time", "voltage", "current");
        if (o == null) {
            return null;
        }
        if (o.isEmpty()) {
            fields.fail(place, "give at least one of time, voltage, current");
            return null;
        }
        List<Quantity> thresholds = new ArrayList<>();
        if (o.has("time")) {
            thresholds.add(fields.quantity(o.get("time"), place.child("time"), QuantityKind.TIME));
        }
        if (o.has("voltage")) {
            thresholds.add(fields.quantity(o.get("voltage"), place.child("voltage"), QuantityKind.VOLTAGE));
        }
        if (o.has("current")) {
            thresholds.add(fields.quantity(o.get("current"), place.child("current"), QuantityKind.CURRENT,
                    QuantityKind.CURRENT_DENSITY));
        }
        return fields.make(place, !thresholds.contains(null), () -> RecordRule.of(thresholds, ""));
    }

    /** {@code {"capacity": "discharge", "below": {"value": 80, "unit": "%"}, "ofCycle": 1}}. */
    static StopCondition stop(JsonFields fields, JsonNode node, Place place) {
        ObjectNode o = fields.object(node, place, "capacity", "below", "ofCycle");
        if (o == null) {
            return null;
        }
        String kind = fields.choice(fields.required(o, "capacity", place), place.child("capacity"),
                "discharge", "charge");
        Quantity below = fields.quantity(fields.required(o, "below", place), place.child("below"),
                QuantityKind.PERCENT, QuantityKind.CAPACITY);
        Integer cycle = o.has("ofCycle") ? fields.wholeNumber(o.get("ofCycle"), place.child("ofCycle")) : null;
        boolean cycleOk = !o.has("ofCycle") || cycle != null;
        return fields.make(place, kind != null && below != null && cycleOk,
                () -> StopCondition.below(0, "", kind.equals("discharge") ? StopCondition.CapacityKind.DISCHARGE
                        : StopCondition.CapacityKind.CHARGE, below, cycle));
    }
}
