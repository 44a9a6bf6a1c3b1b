package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.no3rr.protocol.ProtocolParser;

/**
 * A valid JSON example for each place an error can be about, made by writing the text language's
 * own examples in the JSON form — so an example can never drift from what the reader accepts.
 */
final class JsonExamples {

    static final String PROTOCOL = "protocol";
    static final String STEP = "step";
    static final String LIMITS = "limits";
    static final String RECORD = "record";
    static final String STOPS = "stops";
    /** The keys of a JSON step, one per kind of line: new step modes are keys inside these (see the package doc). */
    static final List<String> STEP_KEYS =
            List.of("rest", "discharge", "charge", "hold", "polarize", "sweep", "cycle", "ask", "repeat");
    static final String STEP_KINDS = String.join(", ", STEP_KEYS);

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry(PROTOCOL, "Rest for 10 min\nDischarge at 5 mA/cm2 until 0.8 V or 2 h\n"),
            Map.entry(STEP, "Discharge at 5 mA/cm2 until 0.8 V or 2 h\n"),
            Map.entry("rest", "Rest for 10 min\n"),
            Map.entry("discharge", "Discharge at 5 mA/cm2 until 0.8 V or 2 h\n"),
            Map.entry("charge", "Charge at 2 mA until 2.4 V\n"),
            Map.entry("hold", "Hold at -0.1 V vs RHE for 1 h\n"),
            Map.entry("polarize", "Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 60 s each, until 0.2 V\n"),
            Map.entry("sweep", "Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s\n"),
            Map.entry("cycle", "Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times\n"),
            Map.entry("ask", "Ask \"Refresh the electrolyte and take a sample\"\n"),
            Map.entry("repeat", "Repeat 50 times:\n  Rest for 10 min\n"),
            Map.entry(LIMITS, "Limits: 0.0 V to 2.6 V, -50 mA to 50 mA\nRest for 10 min\n"),
            Map.entry(RECORD, "Record every 1 s or 5 mV or 0.1 mA\nRest for 10 min\n"),
            Map.entry(STOPS, "Stop when discharge capacity < 80 % of cycle 1\nRest for 10 min\n"));

    private static final Map<String, String> JSON = new HashMap<>();

    private JsonExamples() {
    }

    /** Compact JSON of the example for {@code kind}: a whole protocol, one step or one run setting. */
    static synchronized String of(String kind) {
        return JSON.computeIfAbsent(TEXT.containsKey(kind) ? kind : PROTOCOL, JsonExamples::write);
    }

    private static String write(String kind) {
        ObjectNode tree = JsonProtocolWriter.tree(ProtocolParser.parse(TEXT.get(kind)));
        JsonNode shown;
        if (kind.equals(LIMITS) || kind.equals(RECORD) || kind.equals(STOPS)) {
            ObjectNode setting = tree.objectNode();
            setting.set(kind, tree.get(kind));
            shown = setting;
        } else if (kind.equals(PROTOCOL)) {
            shown = tree;
        } else {
            shown = tree.get("steps").get(0);
        }
        return shown.toString();
    }
}
