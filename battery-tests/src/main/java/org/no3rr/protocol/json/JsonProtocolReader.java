package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolError;
import org.no3rr.protocol.ProtocolException;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.ProtocolWriter;
import org.no3rr.protocol.Step;

/**
 * Reads the JSON form by turning it into protocol lines, one per setting and step, and handing
 * them to {@link ProtocolParser}: a JSON protocol then obeys exactly the rules of the text and
 * gives exactly the model its text gives. Errors of shape are found here and name their JSON path;
 * the parser's errors are about a line, and each line remembers the path it came from.
 *
 * <p>The protocol returned is parsed from the canonical text of {@link ProtocolWriter}, so its
 * {@link Protocol#text()} — what a run stores — is readable text, not JSON.
 */
final class JsonProtocolReader {

    private static final String INDENT = "  ";
    private static final Set<String> STEP_KINDS =
            Set.of("rest", "discharge", "charge", "hold", "polarize", "sweep", "cycle", "ask", "repeat");

    private final Problems problems = new Problems();
    private final JsonFields fields = new JsonFields(problems);
    private final StepTexts stepTexts = new StepTexts(fields);
    private final List<String> lines = new ArrayList<>();
    private final List<Place> origins = new ArrayList<>();
    private final Map<Integer, String> prompts = new HashMap<>();
    private final Map<Integer, Place> promptPlaces = new HashMap<>();
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
        if (o.has("limits")) {
            Place at = Place.ROOT.child("limits").withExample(JsonExamples.LIMITS);
            add(RunSettingTexts.limits(fields, o.get("limits"), at), at);
        }
        if (o.has("record")) {
            Place at = Place.ROOT.child("record").withExample(JsonExamples.RECORD);
            String thresholds = RunSettingTexts.thresholds(fields, o.get("record"), at);
            add(thresholds == null ? null : "Record every " + thresholds, at);
        }
        if (o.has("stops")) {
            stops(o.get("stops"), Place.ROOT.child("stops").withExample(JsonExamples.STOPS));
        }
        JsonNode steps = fields.required(o, "steps", Place.ROOT);
        if (steps != null) {
            steps(steps, Place.ROOT.child("steps"), "");
        }
        if (problems.any()) {
            throw problems.exception();
        }
        Protocol parsed = parse(String.join("\n", lines) + "\n");
        checkPrompts(parsed.steps(), new int[] {0});
        if (problems.any()) {
            throw problems.exception();
        }
        return ProtocolParser.parse(ProtocolWriter.write(parsed));
    }

    private void stops(JsonNode node, Place place) {
        if (!node.isArray()) {
            fields.fail(place, "expected a list of stop conditions, found " + JsonFields.shown(node));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            Place at = place.index(i);
            add(RunSettingTexts.stop(fields, node.get(i), at), at);
        }
    }

    private void steps(JsonNode node, Place place, String indent) {
        if (!node.isArray() || node.isEmpty()) {
            fields.fail(place, "expected a list of one or more steps, found " + JsonFields.shown(node));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            step(node.get(i), place.index(i), indent);
        }
    }

    private void step(JsonNode node, Place place, String indent) {
        int ordinal = ++stepOrdinal;
        Place at = place.forStep(ordinal, JsonExamples.STEP);
        if (!node.isObject() || node.size() != 1) {
            fields.fail(at, "a step is an object with one key, its kind (one of " + JsonExamples.STEP_KINDS
                    + "); found " + JsonFields.shown(node) + (node.isObject() ? " with " + node.size() + " keys" : ""));
            return;
        }
        String kind = node.fieldNames().next();
        if (!STEP_KINDS.contains(kind)) {
            fields.fail(at.child(kind), "unknown kind of step; a step is one of " + JsonExamples.STEP_KINDS);
            return;
        }
        Place body = at.child(kind).forStep(ordinal, kind);
        if (kind.equals("repeat")) {
            repeat(node.get(kind), body, indent);
            return;
        }
        if (kind.equals("ask") && node.get(kind).isObject() && node.get(kind).path("prompt").isTextual()) {
            prompts.put(ordinal, node.get(kind).get("prompt").textValue().strip());
            promptPlaces.put(ordinal, body.child("prompt"));
        }
        String line = stepTexts.line(kind, node.get(kind), body);
        add(line == null ? null : indent + line, body);
    }

    private void repeat(JsonNode node, Place place, String indent) {
        ObjectNode o = fields.object(node, place, "times", "steps");
        if (o == null) {
            return;
        }
        String times = fields.wholeNumber(fields.required(o, "times", place), place.child("times"));
        add(times == null ? null : indent + "Repeat " + times + " times:", place);
        JsonNode block = fields.required(o, "steps", place);
        if (block != null) {
            steps(block, place.child("steps"), indent + INDENT);
        }
    }

    /** Keeps a line and where it came from; a null line was malformed and is already reported. */
    private void add(String line, Place origin) {
        if (line != null) {
            lines.add(line);
            origins.add(origin);
        }
    }

    private Protocol parse(String text) {
        try {
            return ProtocolParser.parse(text);
        } catch (ProtocolException e) {
            for (ProtocolError error : e.errors()) {
                int line = error.line();
                Place origin = line >= 1 && line <= origins.size() ? origins.get(line - 1) : Place.ROOT;
                problems.add(origin, error.message().replaceFirst("^line \\d+: ", ""));
            }
            throw problems.exception();
        }
    }

    /**
     * A prompt with double quotes and a '#' could be cut at the '#' as a comment of its line; it
     * must come back exactly as sent, so such a prompt is refused with its path.
     */
    private void checkPrompts(List<Step> steps, int[] ordinal) {
        for (Step step : steps) {
            ordinal[0]++;
            if (step instanceof Step.Ask ask && !ask.prompt().equals(prompts.get(ordinal[0]))) {
                problems.add(promptPlaces.get(ordinal[0]), "the prompt cannot be kept as protocol text; a '#' "
                        + "after an odd number of double quotes starts a comment — use single quotes");
            }
            if (step instanceof Step.Repeat repeat) {
                checkPrompts(repeat.steps(), ordinal);
            }
        }
    }
}
