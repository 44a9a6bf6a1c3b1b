package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the leaves of the JSON form — objects with known keys, quantities, potentials, whole
 * numbers, text — into the words of a protocol line. Every method reports what is wrong to
 * {@link Problems} with the path, the value found and what is allowed, and returns null then.
 */
final class JsonFields {

    /** Larger magnitudes are typos, never setpoints (the text parser's bound too). */
    static final double LARGEST_NUMBER = 1e9;

    private final Problems problems;

    JsonFields(Problems problems) {
        this.problems = problems;
    }

    void fail(Place place, String message) {
        problems.add(place, message);
    }

    /** {@code node} as an object whose keys are all {@code allowed}; null when it is not one. */
    ObjectNode object(JsonNode node, Place place, String... allowed) {
        if (node == null || !node.isObject()) {
            fail(place, "expected an object with " + String.join(", ", allowed) + ", found " + shown(node));
            return null;
        }
        List<String> known = Arrays.asList(allowed);
        boolean ok = true;
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                fail(place.child(key), "unknown field; allowed here: " + String.join(", ", allowed));
                ok = false;
            }
        }
        return ok ? (ObjectNode) node : null;
    }

    /** The value of a key that must be there. */
    JsonNode required(ObjectNode object, String key, Place place) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            fail(place.child(key), "missing; it is required here");
            return null;
        }
        return value;
    }

    /** {@code {"value": 5, "unit": "mA/cm2"}} as "5 mA/cm2", the unit one of {@code kinds}. */
    String quantity(JsonNode node, Place place, QuantityKind... kinds) {
        if (node == null) {
            return null;
        }
        ObjectNode q = object(node, place, "value", "unit");
        if (q == null) {
            return null;
        }
        String number = number(required(q, "value", place), place.child("value"));
        JsonNode unitNode = required(q, "unit", place);
        String unit = unitNode == null ? null : unit(unitNode, place.child("unit"), kinds);
        return number == null || unit == null ? null : number + " " + unit;
    }

    /** {@code {"value": -0.1, "unit": "V", "vs": "RHE"}}: the quantity and the written scale. */
    Potential potential(JsonNode node, Place place) {
        if (node == null) {
            return null;
        }
        ObjectNode p = object(node, place, "value", "unit", "vs");
        if (p == null) {
            return null;
        }
        String number = number(required(p, "value", place), place.child("value"));
        JsonNode unitNode = required(p, "unit", place);
        String unit = unitNode == null ? null : unit(unitNode, place.child("unit"), QuantityKind.VOLTAGE);
        JsonNode vsNode = required(p, "vs", place);
        String vs = vsNode == null ? null : scale(vsNode, place.child("vs"));
        return number == null || unit == null || vs == null ? null : new Potential(number + " " + unit, vs);
    }

    /** A potential as words of a line, and its scale as the text language writes it. */
    record Potential(String quantity, String scale) {
    }

    /** A JSON integer as its digits; the text parser checks its range. */
    String wholeNumber(JsonNode node, Place place) {
        if (node == null) {
            return null;
        }
        if (node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()) {
            return Long.toString(node.longValue());
        }
        fail(place, "expected a whole number, found " + shown(node));
        return null;
    }

    String text(JsonNode node, Place place) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            fail(place, "expected a string, found " + shown(node));
            return null;
        }
        return node.textValue();
    }

    /** One of {@code allowed}, ignoring case; returned as listed. */
    String choice(JsonNode node, Place place, String... allowed) {
        String written = text(node, place);
        if (written == null) {
            return null;
        }
        for (String option : allowed) {
            if (option.equalsIgnoreCase(written.strip())) {
                return option;
            }
        }
        fail(place, "'" + abbreviate(written) + "' is not allowed; use one of: " + String.join(", ", allowed));
        return null;
    }

    private String number(JsonNode node, Place place) {
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            fail(place, "expected a number, found " + shown(node));
            return null;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value) || Math.abs(value) > LARGEST_NUMBER) {
            fail(place, "the number " + abbreviate(node.asText()) + " is too large; at most " + (long) LARGEST_NUMBER
                    + " in any unit");
            return null;
        }
        // Double.toString reads back to the same double, so the text parser sees exactly this value.
        return node.canConvertToExactIntegral() ? Long.toString((long) value) : Double.toString(value);
    }

    private String unit(JsonNode node, Place place, QuantityKind... kinds) {
        String written = text(node, place);
        if (written == null) {
            return null;
        }
        for (QuantityKind kind : kinds) {
            String spelling = kind.spellingOf(written);
            if (spelling != null) {
                return spelling;
            }
        }
        String nouns = Arrays.stream(kinds).map(QuantityKind::noun).collect(Collectors.joining(" or "));
        List<String> allowed = new ArrayList<>();
        Arrays.stream(kinds).forEach(k -> allowed.addAll(k.spellings()));
        fail(place, "'" + abbreviate(written) + "' is not a unit of " + nouns + "; allowed: "
                + String.join(", ", allowed));
        return null;
    }

    private String scale(JsonNode node, Place place) {
        String written = text(node, place);
        if (written == null) {
            return null;
        }
        switch (written.strip().toLowerCase(Locale.ROOT)) {
            case "rhe":
                return "RHE";
            case "ag/agcl":
            case "ref":
            case "reference":
                return "Ag/AgCl";
            default:
                fail(place, "'" + abbreviate(written) + "' is not a potential scale; allowed: RHE, Ag/AgCl");
                return null;
        }
    }

    /** A value as the researcher sent it, short enough for a message. */
    static String shown(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.isContainerNode() ? (node.isArray() ? "an array" : "an object") : abbreviate(node.toString());
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
