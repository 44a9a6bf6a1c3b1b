package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.no3rr.protocol.Current;
import org.no3rr.protocol.Potential;
import org.no3rr.protocol.Power;
import org.no3rr.protocol.Quantity;
import org.no3rr.protocol.QuantityKind;
import org.no3rr.protocol.RecordRule;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepEnd;
import org.no3rr.protocol.StepKind;

/**
 * Builds one JSON step (all but {@code repeat}, whose block the reader walks) as the model's step,
 * e.g. {@code {"rest": {"ends": [{"time": {"value": 10, "unit": "min"}}]}}}. Only the shape is
 * checked here; the rules of a step (a positive current, the ends its kind accepts, a hold with a
 * time) are the step's own, so the text and the JSON form obey the same ones. Steps are made on
 * line 0 with no text: the reader lays them out as canonical text afterwards.
 */
final class JsonStepReader {

    private static final String[] END_KEYS = {"time", "voltage", "current", "capacity", "energy", "operator"};
    private static final QuantityKind[] CURRENTS =
            {QuantityKind.CURRENT_DENSITY, QuantityKind.CURRENT, QuantityKind.C_RATE};

    private final JsonFields fields;

    JsonStepReader(JsonFields fields) {
        this.fields = fields;
    }

    /** The step of {@code kind} with body {@code body}, or null when it is malformed (already reported). */
    Step step(String kind, JsonNode body, Place place) {
        switch (kind) {
            case "rest":
                return rest(body, place);
            case "discharge":
                return drive(Step.Direction.DISCHARGE, body, place);
            case "charge":
                return drive(Step.Direction.CHARGE, body, place);
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

    private Step rest(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "ends", "record");
        if (o == null) {
            return null;
        }
        List<StepEnd> ends = ends(fields.required(o, "ends", place), place.child("ends"), StepKind.REST);
        Optional<RecordRule> record = record(o, place);
        return fields.make(place, ends != null && record != null, () -> new Step.Rest(0, "", ends, record));
    }

    /** A discharge or charge: at a current (with {@code holdAt}: CCCV), a power or a resistance. */
    private Step drive(Step.Direction direction, JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "current", "power", "resistance", "holdAt", "ends", "record");
        if (o == null) {
            return null;
        }
        int setpoints = (o.has("current") ? 1 : 0) + (o.has("power") ? 1 : 0) + (o.has("resistance") ? 1 : 0);
        if (setpoints != 1) {
            fields.fail(place, "give exactly one of current, power, resistance; found " + setpoints);
            return null;
        }
        if (o.has("holdAt") && !o.has("current")) {
            fields.fail(place.child("holdAt"), "only a constant current can go on to hold a voltage");
            return null;
        }
        Quantity setpoint = o.has("power")
                ? fields.quantity(o.get("power"), place.child("power"), QuantityKind.POWER, QuantityKind.POWER_DENSITY)
                : o.has("resistance")
                ? fields.quantity(o.get("resistance"), place.child("resistance"), QuantityKind.RESISTANCE)
                : fields.quantity(o.get("current"), place.child("current"), CURRENTS);
        Quantity volts = o.has("holdAt")
                ? fields.quantity(o.get("holdAt"), place.child("holdAt"), QuantityKind.VOLTAGE) : null;
        List<StepEnd> ends = ends(fields.required(o, "ends", place), place.child("ends"), direction.kind());
        Optional<RecordRule> record = record(o, place);
        boolean complete = setpoint != null && ends != null && record != null && (volts != null || !o.has("holdAt"));
        if (o.has("power")) {
            return fields.make(place, complete,
                    () -> new Step.ConstantPower(0, "", direction, Power.of(setpoint), ends, record));
        }
        if (o.has("resistance")) {
            if (direction == Step.Direction.CHARGE) {
                fields.fail(place.child("resistance"), "a resistance can only discharge a cell; use \"discharge\"");
                return null;
            }
            return fields.make(place, complete,
                    () -> new Step.ConstantResistance(0, "", setpoint.value(), ends, record));
        }
        if (volts == null) {
            return fields.make(place, complete,
                    () -> new Step.ConstantCurrent(0, "", direction, Current.of(setpoint), ends, record));
        }
        return fields.make(place, complete,
                () -> new Step.ConstantCurrentConstantVoltage(0, "", direction, Current.of(setpoint), volts.value(),
                        ends, record));
    }

    /** A potential hold ({@code potential} with a scale) or a cell-voltage hold ({@code voltage}). */
    private Step hold(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "potential", "voltage", "ends", "record");
        if (o == null) {
            return null;
        }
        if (o.has("potential") == o.has("voltage")) {
            fields.fail(place, "give either potential (vs a reference, an electrolysis hold) or voltage (a cell "
                    + "voltage, a battery's hold)");
            return null;
        }
        StepKind kind = o.has("potential") ? StepKind.HOLD : StepKind.VOLTAGE_HOLD;
        List<StepEnd> ends = ends(fields.required(o, "ends", place), place.child("ends"), kind);
        Optional<RecordRule> record = record(o, place);
        boolean complete = ends != null && record != null;
        if (o.has("potential")) {
            Potential potential = fields.potential(o.get("potential"), place.child("potential"));
            return fields.make(place, complete && potential != null,
                    () -> new Step.Hold(0, "", potential, ends, record));
        }
        Quantity volts = fields.quantity(o.get("voltage"), place.child("voltage"), QuantityKind.VOLTAGE);
        return fields.make(place, complete && volts != null,
                () -> new Step.VoltageHold(0, "", volts.value(), ends, record));
    }

    private Step polarize(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "from", "to", "increment", "dwell", "ends", "record");
        if (o == null) {
            return null;
        }
        List<Quantity> currents = new ArrayList<>();
        for (String key : new String[] {"from", "to", "increment"}) {
            currents.add(fields.quantity(fields.required(o, key, place), place.child(key), CURRENTS));
        }
        Quantity dwell = fields.quantity(fields.required(o, "dwell", place), place.child("dwell"), QuantityKind.TIME);
        Long dwellMillis = fields.make(place.child("dwell"), dwell != null, () -> dwell.millis(""));
        List<StepEnd> ends = o.has("ends") ? ends(o.get("ends"), place.child("ends"), StepKind.POLARIZATION)
                : List.of();
        Optional<RecordRule> record = record(o, place);
        return fields.make(place, !currents.contains(null) && dwellMillis != null && ends != null && record != null,
                () -> new Step.Polarize(0, "", Current.of(currents.get(0)), Current.of(currents.get(1)),
                        Current.of(currents.get(2)), dwellMillis, ends, record));
    }

    private Step sweep(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "from", "to", "rate", "record");
        if (o == null) {
            return null;
        }
        Potential from = fields.potential(fields.required(o, "from", place), place.child("from"));
        Potential to = fields.potential(fields.required(o, "to", place), place.child("to"));
        Quantity rate = fields.quantity(fields.required(o, "rate", place), place.child("rate"), QuantityKind.SCAN_RATE);
        Optional<RecordRule> record = record(o, place);
        return fields.make(place, from != null && to != null && rate != null && record != null,
                () -> new Step.Sweep(0, "", from, to, rate.value(), List.of(), record));
    }

    private Step cycle(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "first", "second", "rate", "cycles", "record");
        if (o == null) {
            return null;
        }
        Potential first = fields.potential(fields.required(o, "first", place), place.child("first"));
        Potential second = fields.potential(fields.required(o, "second", place), place.child("second"));
        Quantity rate = fields.quantity(fields.required(o, "rate", place), place.child("rate"), QuantityKind.SCAN_RATE);
        Integer cycles = fields.wholeNumber(fields.required(o, "cycles", place), place.child("cycles"));
        Optional<RecordRule> record = record(o, place);
        return fields.make(place, first != null && second != null && rate != null && cycles != null && record != null,
                () -> new Step.CyclicVoltammetry(0, "", first, second, rate.value(), cycles, List.of(), record));
    }

    private Step ask(JsonNode body, Place place) {
        ObjectNode o = fields.object(body, place, "prompt");
        if (o == null) {
            return null;
        }
        Place at = place.child("prompt");
        String prompt = fields.text(fields.required(o, "prompt", place), at);
        if (prompt != null && prompt.chars().anyMatch(Character::isISOControl)) {
            fields.fail(at, "a prompt is one line; remove line breaks and control characters");
            return null;
        }
        return fields.make(at, prompt != null, () -> new Step.Ask(0, "", prompt));
    }

    /**
     * A list of ends, each an object with one key — its kind — and, for a voltage or current end,
     * an optional {@code "operator": "<" | ">"}. Their order is kept: the first one met wins.
     */
    private List<StepEnd> ends(JsonNode node, Place place, StepKind kind) {
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            fields.fail(place, "expected a list of one or more ends, each one of time, voltage, current, capacity, "
                    + "energy; found " + JsonFields.shown(node));
            return null;
        }
        List<StepEnd> ends = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            ends.add(end(node.get(i), place.index(i), kind));
        }
        return ends.contains(null) ? null : ends;
    }

    private StepEnd end(JsonNode node, Place place, StepKind kind) {
        ObjectNode o = fields.object(node, place, END_KEYS);
        if (o == null) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        keys.remove("operator");
        if (keys.size() != 1) {
            fields.fail(place, "an end is an object with one of time, voltage, current, capacity, energy (and an "
                    + "operator for a voltage or a current); found " + keys.size() + " of them");
            return null;
        }
        String key = keys.get(0);
        Quantity q = fields.quantity(o.get(key), place.child(key), endKinds(key));
        Boolean falling = null;
        if (o.has("operator")) {
            if (!key.equals("voltage") && !key.equals("current")) {
                fields.fail(place.child("operator"), "an operator goes with a voltage or a current end only");
                return null;
            }
            String operator = fields.choice(o.get("operator"), place.child("operator"), "<", ">");
            if (operator == null) {
                return null;
            }
            falling = operator.equals("<");
        }
        Boolean crossing = falling;
        return fields.make(place, q != null, () -> StepEnd.of(q, crossing, kind.voltageEndFalls(), ""));
    }

    private static QuantityKind[] endKinds(String key) {
        switch (key) {
            case "time":
                return new QuantityKind[] {QuantityKind.TIME};
            case "voltage":
                return new QuantityKind[] {QuantityKind.VOLTAGE};
            case "current":
                return CURRENTS;
            case "capacity":
                return new QuantityKind[] {QuantityKind.CAPACITY};
            default:
                return new QuantityKind[] {QuantityKind.ENERGY};
        }
    }

    /** The step's own recording rule: empty without {@code record}, null when it is malformed. */
    private Optional<RecordRule> record(ObjectNode o, Place place) {
        if (!o.has("record")) {
            return Optional.empty();
        }
        RecordRule rule = JsonRunSettings.recording(fields, o.get("record"), place.child("record"));
        return rule == null ? null : Optional.of(rule);
    }
}
