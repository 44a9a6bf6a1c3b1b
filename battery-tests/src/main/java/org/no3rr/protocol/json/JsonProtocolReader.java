package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolException;
import org.no3rr.protocol.ProtocolWriter;
import org.no3rr.protocol.RecordRule;
import org.no3rr.protocol.SafetyLimits;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StopCondition;

/**
 * Reads the JSON form straight into the model: the same step records the text parser makes,
 * checked by the same rules (the records' own). Errors of shape and of rules alike name their JSON
 * path. The protocol returned is laid out as its canonical text ({@link ProtocolWriter#canonical}),
 * so its {@link Protocol#text()} — what a run stores — is readable text, not JSON, and its lines
 * number that text.
 */
final class JsonProtocolReader {

    private final Problems problems = new Problems();
    private final JsonFields fields = new JsonFields(problems);
    private final JsonStepReader stepReader = new JsonStepReader(fields);
    private int stepOrdinal;

    private JsonProtocolReader() {
    }

    /** @throws ProtocolException with every error found, each naming its JSON path */
    static Protocol read(JsonNode root) {
        return new JsonProtocolReader().readRoot(root);
    }

    private Protocol readRoot(JsonNode root) {
        ObjectNode o = fields.object(root, Place.ROOT, "limits", "record", "stops", "steps");
        if (o == null) {
            throw problems.exception();
        }
        SafetyLimits limits = null;
        if (o.has("limits")) {
            limits = JsonRunSettings.limits(fields, o.get("limits"),
                    Place.ROOT.child("limits").withExample(JsonExamples.LIMITS));
        }
        RecordRule recording = null;
        if (o.has("record")) {
            recording = JsonRunSettings.recording(fields, o.get("record"),
                    Place.ROOT.child("record").withExample(JsonExamples.RECORD));
        }
        List<StopCondition> stops = o.has("stops")
                ? stops(o.get("stops"), Place.ROOT.child("stops").withExample(JsonExamples.STOPS)) : List.of();
        JsonNode stepsNode = fields.required(o, "steps", Place.ROOT);
        List<Step> steps = stepsNode == null ? null : steps(stepsNode, Place.ROOT.child("steps"));
        if (problems.any()) {
            throw problems.exception();
        }
        return ProtocolWriter.canonical(new Protocol("", steps, Optional.ofNullable(limits),
                Optional.ofNullable(recording), stops));
    }

    private List<StopCondition> stops(JsonNode node, Place place) {
        if (!node.isArray()) {
            fields.fail(place, "expected a list of stop conditions, found " + JsonFields.shown(node));
            return List.of();
        }
        List<StopCondition> stops = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            stops.add(JsonRunSettings.stop(fields, node.get(i), place.index(i)));
        }
        return stops.contains(null) ? List.of() : stops;
    }

    /** The steps of a list; null (with the problems reported) when any is malformed. */
    private List<Step> steps(JsonNode node, Place place) {
        if (!node.isArray() || node.isEmpty()) {
            fields.fail(place, "expected a list of one or more steps, found " + JsonFields.shown(node));
            return null;
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            steps.add(step(node.get(i), place.index(i)));
        }
        return steps.contains(null) ? null : steps;
    }

    private Step step(JsonNode node, Place place) {
        int ordinal = ++stepOrdinal;
        Place at = place.forStep(ordinal, JsonExamples.STEP);
        if (!node.isObject() || node.size() != 1) {
            fields.fail(at, "a step is an object with one key, its kind (one of " + JsonExamples.STEP_KINDS
                    + "); found " + JsonFields.shown(node) + (node.isObject() ? " with " + node.size() + " keys" : ""));
            return null;
        }
        String kind = node.fieldNames().next();
        if (!JsonExamples.STEP_KEYS.contains(kind)) {
            fields.fail(at.child(kind), "unknown kind of step; a step is one of " + JsonExamples.STEP_KINDS);
            return null;
        }
        Place body = at.child(kind).forStep(ordinal, kind);
        return kind.equals("repeat") ? repeat(node.get(kind), body) : stepReader.step(kind, node.get(kind), body);
    }

    private Step repeat(JsonNode node, Place place) {
        ObjectNode o = fields.object(node, place, "times", "steps");
        if (o == null) {
            return null;
        }
        Integer times = fields.wholeNumber(fields.required(o, "times", place), place.child("times"));
        JsonNode block = fields.required(o, "steps", place);
        List<Step> steps = block == null ? null : steps(block, place.child("steps"));
        return fields.make(place, times != null && steps != null, () -> new Step.Repeat(0, "", times, steps));
    }
}
