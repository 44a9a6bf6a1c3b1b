package org.no3rr.engine;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of {@link EngineState}: {@code engine-state/1;key=value;…}. Doubles are written
 * with {@link Double#toString}, which reads back to the identical double; texts are URL-encoded so
 * they never contain {@code ;} or {@code =}; a null text is an absent key. A new field means a new
 * version number, and decoding keeps reading the old ones.
 */
final class EngineStateCodec {

    static final String VERSION = "engine-state/1";

    private EngineStateCodec() {
    }

    static String encode(EngineState s) {
        StringBuilder b = new StringBuilder(512).append(VERSION);
        put(b, "status", s.status().name());
        put(b, "position", s.position().encode());
        put(b, "cycle", s.cycle());
        put(b, "cycleClaimed", s.cycleClaimed());
        put(b, "stepNumber", s.stepNumber());
        put(b, "stepIndex", s.stepIndex());
        putText(b, "stepText", s.stepText());
        putText(b, "stepType", s.stepType());
        put(b, "runStart", s.runStartMillis());
        put(b, "stepStart", s.stepStartMillis());
        put(b, "level", s.level());
        put(b, "lastReading", s.lastReadingMillis());
        put(b, "lastV", s.lastVoltage());
        put(b, "lastI", s.lastCurrent());
        put(b, "lastRecorded", s.lastRecordedMillis());
        put(b, "lastRecordedV", s.lastRecordedVoltage());
        put(b, "lastRecordedI", s.lastRecordedCurrent());
        put(b, "stepQ", s.stepChargeCoulombs());
        put(b, "totalQ", s.totalChargeCoulombs());
        put(b, "stepE", s.stepEnergyJoules());
        put(b, "totalE", s.totalEnergyJoules());
        put(b, "cycleDischargeQ", s.cycleDischargeCoulombs());
        put(b, "cycleChargeQ", s.cycleChargeCoulombs());
        put(b, "referenceCycles", referenceCycles(s.referenceCycles()));
        put(b, "waiting", s.waitingMillis());
        putText(b, "prompt", s.pendingPrompt());
        putText(b, "fault", s.faultReason());
        return b.toString();
    }

    static EngineState decode(String encoded) {
        if (encoded == null || !encoded.startsWith(VERSION + ";")) {
            throw new IllegalArgumentException("not an engine state of version " + VERSION + ": "
                    + (encoded == null ? "null" : abbreviate(encoded)));
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : encoded.substring(VERSION.length() + 1).split(";", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("engine state field '" + abbreviate(pair) + "' has no '='");
            }
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        try {
            return read(new Fields(fields));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("engine state has a malformed number: " + e.getMessage(), e);
        }
    }

    private static EngineState read(Fields f) {
        return new EngineState(RunStatus.valueOf(f.get("status")), StepPosition.decode(f.get("position")),
                f.integer("cycle"), Boolean.parseBoolean(f.get("cycleClaimed")),
                f.integer("stepNumber"), f.integer("stepIndex"), f.text("stepText"), f.text("stepType"),
                f.wholeNumber("runStart"), f.wholeNumber("stepStart"), f.wholeNumber("level"),
                f.wholeNumber("lastReading"), f.real("lastV"), f.real("lastI"),
                f.wholeNumber("lastRecorded"), f.real("lastRecordedV"), f.real("lastRecordedI"),
                f.real("stepQ"), f.real("totalQ"), f.real("stepE"), f.real("totalE"),
                f.real("cycleDischargeQ"), f.real("cycleChargeQ"), referenceCycles(f.get("referenceCycles")),
                f.wholeNumber("waiting"), f.text("prompt"), f.text("fault"));
    }

    private static String referenceCycles(List<CycleCapacity> cycles) {
        StringBuilder b = new StringBuilder();
        for (CycleCapacity c : cycles) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(c.cycle()).append(':').append(c.dischargeCoulombs()).append(':').append(c.chargeCoulombs());
        }
        return b.toString();
    }

    private static List<CycleCapacity> referenceCycles(String text) {
        List<CycleCapacity> cycles = new ArrayList<>();
        if (text.isEmpty()) {
            return cycles;
        }
        for (String item : text.split(",", -1)) {
            String[] parts = item.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("engine state reference cycle '" + item + "' is not cycle:Q:Q");
            }
            cycles.add(new CycleCapacity(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2])));
        }
        return cycles;
    }

    private static void put(StringBuilder b, String key, Object value) {
        b.append(';').append(key).append('=').append(value);
    }

    private static void putText(StringBuilder b, String key, String value) {
        if (value != null) {
            put(b, key, URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** The decoded key=value pairs, with readers that name a missing key. */
    private static final class Fields {
        private final Map<String, String> values;

        Fields(Map<String, String> values) {
            this.values = values;
        }

        String get(String key) {
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("engine state lacks the field '" + key + "'");
            }
            return value;
        }

        String text(String key) {
            String value = values.get(key);
            return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
        }

        int integer(String key) {
            return Integer.parseInt(get(key));
        }

        long wholeNumber(String key) {
            return Long.parseLong(get(key));
        }

        double real(String key) {
            return Double.parseDouble(get(key));
        }
    }
}
