package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.no3rr.protocol.LineProblem;
import org.no3rr.protocol.Potential;
import org.no3rr.protocol.Quantity;
import org.no3rr.protocol.QuantityKind;

/**
 * Reads the leaves of the JSON form — objects with known keys, quantities, potentials, whole
 * numbers, text — into the model's values, with the language's one unit table. Every method
 * reports what is wrong to {@link Problems} with the path, the value found and what is allowed,
 * and returns null then.
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

    /**
     * Makes a part of the model; a rule it breaks is reported at {@code place}.
     *
     * @return the part, or null when it broke a rule or {@code inputs} were already malformed
     */
    <T> T make(Place place, boolean inputs, Supplier<T> maker) {
        if (!inputs) {
            return null;
        }
        try {
            return maker.get();
        } catch (LineProblem broken) {
            fail(place, broken.getMessage());
            return null;
        }
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

    /** {@code {"value": 5, "unit": "mA/cm2"}}, the unit one of {@code kinds}. */
    Quantity quantity(JsonNode node, Place place, QuantityKind... kinds) {
        if (node == null) {
            return null;
        }
        ObjectNode q = object(node, place, "value", "unit");
        if (q == null) {
            return null;
        }
        Double number = number(required(q, "value", place), place.child("value"));
        JsonNode unitNode = required(q, "unit", place);
        String unit = unitNode == null ? null : unit(unitNode, place.child("unit"), kinds);
        return make(place, number != null && unit != null,
                () -> Quantity.of(number, unit, JsonExamples.of(place.exampleKind()), kinds));
    }

    /** {@code {"value": -0.1, "unit": "V", "vs": "RHE"}}. */
    Potential potential(JsonNode node, Place place) {
        if (node == null) {
            return null;
        }
        ObjectNode p = object(node, place, "value", "unit", "vs");
        if (p == null) {
            return null;
        }
        Double number = number(required(p, "value", place), place.child("value"));
        JsonNode unitNode = required(p, "unit", place);
        String unit = unitNode == null ? null : unit(unitNode, place.child("unit"), QuantityKind.VOLTAGE);
        JsonNode vsNode = required(p, "vs", place);
        String vs = vsNode == null ? null : text(vsNode, place.child("vs"));
        Potential.Scale scale = make(place.child("vs"), vs != null,
                () -> Potential.Scale.of(vs, JsonExamples.of(place.exampleKind())));
        return make(place, number != null && unit != null && scale != null,
                () -> new Potential(Quantity.of(number, unit, "", QuantityKind.VOLTAGE).value(), scale));
    }

    /** A JSON integer within ±{@value #LARGEST_NUMBER}; the model checks its range. */
    Integer wholeNumber(JsonNode node, Place place) {
        if (node == null) {
            return null;
        }
        if (node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()
                && Math.abs(node.longValue()) <= LARGEST_NUMBER) {
            return (int) node.longValue();
        }
        fail(place, "expected a whole number" + (node.isNumber() && node.canConvertToExactIntegral()
                ? " of at most " + (long) LARGEST_NUMBER : "") + ", found " + shown(node));
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

    private Double number(JsonNode node, Place place) {
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
        return value;
    }

    private String unit(JsonNode node, Place place, QuantityKind... kinds) {
        String written = text(node, place);
        if (written == null) {
            return null;
        }
        for (QuantityKind kind : kinds) {
            if (Quantity.isUnitOf(written, kind)) {
                return written;
            }
        }
        List<String> each = Arrays.stream(kinds).map(k -> "a " + k.noun()).collect(Collectors.toList());
        String nouns = each.size() < 2 ? String.join("", each)
                : String.join(", ", each.subList(0, each.size() - 1)) + " or " + each.get(each.size() - 1);
        List<String> allowed = new ArrayList<>();
        Arrays.stream(kinds).forEach(k -> allowed.addAll(k.spellings()));
        fail(place, "'" + abbreviate(written) + "' is not a unit of " + nouns + "; allowed: "
                + String.join(", ", allowed));
        return null;
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
