package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one JSON step (all but {@code repeat}, whose block the reader walks) as the protocol line
 * it stands for, e.g. {@code {"rest": {"ends": [{"time": {"value": 10, "unit": "min"}}]}}} →
 * {@code Rest for 10 min}. Only the shape is checked here; what the line means (a positive current,
 * a hold with a time end) is left to the text parser, so both forms obey the same rules.
 */
final class StepTexts {

    private static final String[] CURRENT_ENDS = {"time", "voltage", "capacity"};

    private final JsonFields fields;

    StepTexts(JsonFields fields) {
        this.fields = fields;
    }

    /** The line for a step of {@code kind} with body {@code body}, or null when it is malformed. */
    String line(String kind, JsonNode body, Place place) {
        switch (kind) {
            case "rest":
                return rest(body, place);
            case "discharge":
            case "charge":
                return constantCurrent(kind, body, place);
            case "hold":
                return hold(body, place);
            case "polarize":
                return polarize(body, place);
            case "sweep":
                return sweep(body, place);
            case "cycle":
                return cycle(body, place);
            default:
                return ask(body, place);
        }
    }

    private String rest(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "ends", "record");
        if (o == null) {
            return null;
        }
        String ends = ends(fields.required(o, "ends", place), place.child("ends"), "time");
        return withRecording("Rest " + ends, ends != null, o, place);
    }

    private String constantCurrent(String kind, JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "current", "ends", "record");
        if (o == null) {
            return null;
        }
        String current = fields.quantity(fields.required(o, "current", place), place.child("current"),
                QuantityKind.CURRENT_DENSITY, QuantityKind.CURRENT);
        String ends = ends(fields.required(o, "ends", place), place.child("ends"), CURRENT_ENDS);
        String verb = kind.equals("discharge") ? "Discharge" : "Charge";
        return withRecording(verb + " at " + current + " " + ends, current != null && ends != null, o, place);
    }

    private String hold(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "potential", "ends", "record");
        if (o == null) {
            return null;
        }
        JsonFields.Potential potential = fields.potential(fields.required(o, "potential", place),
                place.child("potential"));
        String ends = ends(fields.required(o, "ends", place), place.child("ends"), "time", "capacity");
        if (potential == null) {
            return withRecording("", false, o, place);
        }
        return withRecording("Hold at " + potential.quantity() + " vs " + potential.scale() + " " + ends, ends != null,
                o, place);
    }

    private String polarize(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "from", "to", "increment", "dwell", "ends", "record");
        if (o == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String key : new String[] {"from", "to", "increment"}) {
            parts.add(fields.quantity(fields.required(o, key, place), place.child(key),
                    QuantityKind.CURRENT_DENSITY, QuantityKind.CURRENT));
        }
        parts.add(fields.quantity(fields.required(o, "dwell", place), place.child("dwell"), QuantityKind.TIME));
        String ends = o.has("ends") ? ends(o.get("ends"), place.child("ends"), "voltage") : "";
        if (parts.contains(null) || ends == null) {
            return withRecording("", false, o, place);
        }
        String line = "Polarize from " + parts.get(0) + " to " + parts.get(1) + " in steps of " + parts.get(2) + ", "
                + parts.get(3) + " each" + (ends.isEmpty() ? "" : ", " + ends);
        return withRecording(line, true, o, place);
    }

    private String sweep(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "from", "to", "rate", "record");
        if (o == null) {
            return null;
        }
        String range = potentialPair(o, "from", "to", place);
        String rate = fields.quantity(fields.required(o, "rate", place), place.child("rate"), QuantityKind.SCAN_RATE);
        return withRecording("Sweep " + range + " at " + rate, range != null && rate != null, o, place);
    }

    private String cycle(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "first", "second", "rate", "cycles", "record");
        if (o == null) {
            return null;
        }
        String range = potentialPair(o, "first", "second", place);
        String rate = fields.quantity(fields.required(o, "rate", place), place.child("rate"), QuantityKind.SCAN_RATE);
        String cycles = fields.wholeNumber(fields.required(o, "cycles", place), place.child("cycles"));
        return withRecording("Cycle " + range + " at " + rate + ", " + cycles + " times",
                range != null && rate != null && cycles != null, o, place);
    }

    /** "from 0.2 V to -0.6 V vs RHE" or "between 0.1 V and 0.3 V vs RHE": one scale for both ends. */
    private String potentialPair(ObjectNode o, String firstKey, String secondKey, Place place) {
        JsonFields.Potential first = fields.potential(fields.required(o, firstKey, place), place.child(firstKey));
        JsonFields.Potential second = fields.potential(fields.required(o, secondKey, place), place.child(secondKey));
        if (first == null || second == null) {
            return null;
        }
        if (!first.scale().equals(second.scale())) {
            fields.fail(place.child(secondKey).child("vs"), "'" + second.scale() + "' differs from " + firstKey
                    + ".vs '" + first.scale() + "'; both ends are on one scale");
            return null;
        }
        String joint = firstKey.equals("from") ? " to " : " and ";
        String lead = firstKey.equals("from") ? "from " : "between ";
        return lead + first.quantity() + joint + second.quantity() + " vs " + first.scale();
    }

    private String ask(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "prompt");
        if (o == null) {
            return null;
        }
        Place at = place.child("prompt");
        String prompt = fields.text(fields.required(o, "prompt", place), at);
        if (prompt == null) {
            return null;
        }
        if (prompt.chars().anyMatch(Character::isISOControl)) {
            fields.fail(at, "a prompt is one line; remove line breaks and control characters");
            return null;
        }
        return "Ask \"" + prompt + "\"";
    }

    /**
     * "for 10 min or until 0.8 V": a time end takes "for", the others "until", in the order given
     * (the order is part of the model).
     */
    private String ends(JsonNode node, Place place, String... allowed) {
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            fields.fail(place, "expected a list of one or more ends, each one of " + String.join(", ", allowed)
                    + "; found " + JsonFields.shown(node));
            return null;
        }
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Place at = place.index(i);
            JsonNode end = node.get(i);
            if (!end.isObject() || end.size() != 1) {
                fields.fail(at, "an end is an object with one key, one of " + String.join(", ", allowed) + "; found "
                        + JsonFields.shown(end) + (end.isObject() ? " with " + end.size() + " keys" : ""));
                ends.add(null);
                continue;
            }
            String key = end.fieldNames().next();
            ObjectNode wrapper = fields.object(end, place.index(i), allowed);
            QuantityKind kind = key.equals("time") ? QuantityKind.TIME
                    : key.equals("voltage") ? QuantityKind.VOLTAGE : QuantityKind.CAPACITY;
            String quantity = wrapper == null ? null : fields.quantity(end.get(key), at.child(key), kind);
            ends.add(quantity == null ? null : (key.equals("time") ? "for " : "until ") + quantity);
        }
        return ends.contains(null) ? null : String.join(" or ", ends);
    }

    /**
     * Appends ", record every …" when the step has its own rule; null when anything was malformed
     * (the rule is still checked, so all of a step's errors are reported at once).
     */
    private String withRecording(String line, boolean complete, ObjectNode o, Place place) {
        if (!complete) {
            if (o.has("record")) {
                RunSettingTexts.thresholds(fields, o.get("record"), place.child("record"));
            }
            return null;
        }
        if (!o.has("record")) {
            return line;
        }
        String thresholds = RunSettingTexts.thresholds(fields, o.get("record"), place.child("record"));
        return thresholds == null ? null : line + ", record every " + thresholds;
    }
}
