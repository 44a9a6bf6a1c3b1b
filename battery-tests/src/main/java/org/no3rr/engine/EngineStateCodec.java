package org.no3rr.engine;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.StepKind;

/**
 * The text form of {@link EngineState}: {@code engine-state/2;key=value;…}. Doubles are written
 * with {@link Double#toString}, which reads back to the identical double; records are
 * colon-separated numbers; texts are URL-encoded so they never contain {@code ;}, {@code =} or
 * {@code :}; a null text is an absent key. A new field means a new version number. States of
 * version 1 (before step time and stored summaries) are refused: such a run cannot be resumed
 * exactly and is marked interrupted.
 */
final class EngineStateCodec {

    static final String VERSION = "engine-state/2";

    private EngineStateCodec() {
    }

    static String encode(EngineState s) {
        StringBuilder b = new StringBuilder(640).append(VERSION);
        put(b, "state", s.state().name());
        put(b, "position", s.position().encode());
        put(b, "cycle", s.cycle());
        put(b, "claimed", s.cycleClaimed());
        put(b, "step", s.stepNumber());
        put(b, "line", s.stepLine());
        putText(b, "text", s.stepText());
        if (s.stepKind() != null) {
            put(b, "kind", s.stepKind().name());
        }
        put(b, "runStart", s.runStartMillis());
        put(b, "stepStart", s.stepStartMillis());
        put(b, "elapsed", s.stepElapsedMillis());
        put(b, "level", s.level());
        put(b, "lastReading", s.lastReadingMillis());
        put(b, "totals", totals(s.step()));
        put(b, "cycleSoFar", cycle(s.cycleSoFar()));
        put(b, "references", referenceCycles(s.referenceCycles()));
        put(b, "misses", s.complianceMisses());
        if (!s.regulation().equals(Regulation.NONE)) {
            Regulation r = s.regulation();
            put(b, "regulation", join(r.amps(), r.regulating(), r.settlingLeft(), r.loopOhms(), r.lastErrorVolts()));
        }
        CellEstimate c = s.cellEstimate();
        put(b, "cell", join(c.volts(), c.amps(), c.ohms(), c.drift()));
        putText(b, "prompt", s.pendingPrompt());
        putText(b, "end", s.endReason());
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
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("engine state has a malformed value: " + e.getMessage(), e);
        }
    }

    private static EngineState read(Fields f) {
        String kind = f.text("kind");
        return new EngineState(RunState.valueOf(f.get("state")), StepPosition.decode(f.get("position")),
                f.integer("cycle"), Boolean.parseBoolean(f.get("claimed")), f.integer("step"), f.integer("line"),
                f.text("text"), kind == null ? null : StepKind.valueOf(kind),
                f.wholeNumber("runStart"), f.wholeNumber("stepStart"), f.wholeNumber("elapsed"),
                f.wholeNumber("level"), f.wholeNumber("lastReading"), totals(f.get("totals")),
                cycle(f.get("cycleSoFar")), referenceCycles(f.get("references")), f.integer("misses"),
                regulation(f.optional("regulation")), cellEstimate(f.optional("cell")), f.text("prompt"), f.text("end"));
    }

    private static Regulation regulation(String text) {
        if (text == null) {
            return Regulation.NONE;
        }
        Parts p = new Parts(text, 5);
        return new Regulation(p.real(), p.bool(), (int) p.whole(), p.real(), p.real());
    }

    /** A state written before regulated steps existed knows nothing of the cell yet. */
    private static CellEstimate cellEstimate(String text) {
        if (text == null) {
            return CellEstimate.UNKNOWN;
        }
        Parts p = new Parts(text, 4);
        return new CellEstimate(p.real(), p.real(), p.real(), p.real());
    }

    private static String totals(StepTotals t) {
        StepTotals.DriftSums d = t.driftSums();
        return join(t.sampleCount(), t.firstStepMillis(), t.lastStepMillis(), t.lastVoltageV(), t.lastCurrentA(),
                t.chargeCoulombs(), t.dischargeCoulombs(), t.chargeEnergyJ(), t.dischargeEnergyJ(),
                t.firstVoltageV(), t.minVoltageV(), t.maxVoltageV(), t.voltageSeconds(),
                d.count(), d.originMillis(), d.sumT(), d.sumTT(), d.sumV(), d.sumTV());
    }

    private static StepTotals totals(String text) {
        Parts p = new Parts(text, 19);
        return new StepTotals(p.whole(), p.whole(), p.whole(), p.real(), p.real(), p.real(), p.real(), p.real(),
                p.real(), p.real(), p.real(), p.real(), p.real(),
                new StepTotals.DriftSums(p.whole(), p.whole(), p.real(), p.real(), p.real(), p.real()));
    }

    private static String cycle(CycleSummary c) {
        return join(c.cycle(), c.firstStepNumber(), c.lastStepNumber(), c.startEpochMillis(), c.endEpochMillis(),
                c.durationS(), c.chargeCoulombs(), c.dischargeCoulombs(), c.battery(),
                half(c.chargeHalf()), half(c.dischargeHalf()));
    }

    private static CycleSummary cycle(String text) {
        Parts p = new Parts(text, 21);
        int cycle = (int) p.whole();
        int first = (int) p.whole();
        int last = (int) p.whole();
        long start = p.whole();
        long end = p.whole();
        double durationS = p.real();
        double charge = p.real();
        double discharge = p.real();
        boolean battery = p.bool();
        return new CycleSummary(cycle, first, last, start, end, durationS, charge, discharge, half(p), half(p),
                battery);
    }

    private static String half(CycleSummary.Half h) {
        return join(h.steps(), h.coulombs(), h.energyJ(), h.durationS(), h.floorCoulombs(), h.lastStepNumber());
    }

    private static CycleSummary.Half half(Parts p) {
        return new CycleSummary.Half((int) p.whole(), p.real(), p.real(), p.real(), p.real(), (int) p.whole());
    }

    private static String referenceCycles(List<CycleCapacity> cycles) {
        StringBuilder b = new StringBuilder();
        for (CycleCapacity c : cycles) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(join(c.cycle(), c.dischargeCoulombs(), c.chargeCoulombs()));
        }
        return b.toString();
    }

    private static List<CycleCapacity> referenceCycles(String text) {
        List<CycleCapacity> cycles = new ArrayList<>();
        if (text.isEmpty()) {
            return cycles;
        }
        for (String item : text.split(",", -1)) {
            Parts p = new Parts(item, 3);
            cycles.add(new CycleCapacity((int) p.whole(), p.real(), p.real()));
        }
        return cycles;
    }

    private static String join(Object... values) {
        StringBuilder b = new StringBuilder();
        for (Object value : values) {
            if (b.length() > 0) {
                b.append(':');
            }
            b.append(value);
        }
        return b.toString();
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

    /** A record's colon-separated values, read in order. */
    private static final class Parts {
        private final String[] values;
        private int next;

        Parts(String text, int expected) {
            values = text.split(":", -1);
            if (values.length != expected) {
                throw new IllegalArgumentException("engine state record '" + abbreviate(text) + "' has "
                        + values.length + " values, not " + expected);
            }
        }

        long whole() {
            return Long.parseLong(values[next++]);
        }

        double real() {
            return Double.parseDouble(values[next++]);
        }

        boolean bool() {
            return Boolean.parseBoolean(values[next++]);
        }
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

        String optional(String key) {
            return values.get(key);
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
    }
}
