package org.no3rr.protocol;

import java.util.Locale;
import java.util.Map;

/**
 * The units a protocol may use. Matching ignores case (nobody means megaampere by "MA") and
 * accepts the spellings people type: µA, uA, mA/cm², mA cm-2, mA/cm2.
 */
record Unit(Kind kind, double toBase) {

    /** Kinds of quantity, each with its base unit. */
    enum Kind {
        /** base: millisecond */
        TIME("time", "a time such as 10 min"),
        /** base: V */
        VOLTAGE("voltage", "a voltage such as 0.8 V"),
        /** base: A */
        CURRENT("current", "a current such as 2 mA"),
        /** base: A/cm² */
        CURRENT_DENSITY("current density", "a current density such as 5 mA/cm2"),
        /** base: C */
        CAPACITY("capacity", "a capacity such as 5 mAh"),
        /** base: V/s */
        SCAN_RATE("scan rate", "a scan rate such as 10 mV/s"),
        /** base: fraction (1 = 100 %) */
        PERCENT("percentage", "a percentage such as 80 %"),
        /** a number without unit */
        NUMBER("number", "a plain number");

        private final String noun;
        private final String described;

        Kind(String noun, String described) {
            this.noun = noun;
            this.described = described;
        }

        String noun() {
            return noun;
        }

        String described() {
            return described;
        }
    }

    private static final Map<String, Unit> BY_SPELLING = Map.ofEntries(
            Map.entry("ms", new Unit(Kind.TIME, 1)),
            Map.entry("s", new Unit(Kind.TIME, 1_000)),
            Map.entry("sec", new Unit(Kind.TIME, 1_000)),
            Map.entry("second", new Unit(Kind.TIME, 1_000)),
            Map.entry("seconds", new Unit(Kind.TIME, 1_000)),
            Map.entry("min", new Unit(Kind.TIME, 60_000)),
            Map.entry("mins", new Unit(Kind.TIME, 60_000)),
            Map.entry("minute", new Unit(Kind.TIME, 60_000)),
            Map.entry("minutes", new Unit(Kind.TIME, 60_000)),
            Map.entry("h", new Unit(Kind.TIME, 3_600_000)),
            Map.entry("hr", new Unit(Kind.TIME, 3_600_000)),
            Map.entry("hour", new Unit(Kind.TIME, 3_600_000)),
            Map.entry("hours", new Unit(Kind.TIME, 3_600_000)),
            Map.entry("v", new Unit(Kind.VOLTAGE, 1)),
            Map.entry("mv", new Unit(Kind.VOLTAGE, 1e-3)),
            Map.entry("a", new Unit(Kind.CURRENT, 1)),
            Map.entry("ma", new Unit(Kind.CURRENT, 1e-3)),
            Map.entry("ua", new Unit(Kind.CURRENT, 1e-6)),
            Map.entry("a/cm2", new Unit(Kind.CURRENT_DENSITY, 1)),
            Map.entry("ma/cm2", new Unit(Kind.CURRENT_DENSITY, 1e-3)),
            Map.entry("ua/cm2", new Unit(Kind.CURRENT_DENSITY, 1e-6)),
            Map.entry("ah", new Unit(Kind.CAPACITY, 3600)),
            Map.entry("mah", new Unit(Kind.CAPACITY, 3.6)),
            Map.entry("uah", new Unit(Kind.CAPACITY, 3.6e-3)),
            Map.entry("c", new Unit(Kind.CAPACITY, 1)),
            Map.entry("v/s", new Unit(Kind.SCAN_RATE, 1)),
            Map.entry("mv/s", new Unit(Kind.SCAN_RATE, 1e-3)),
            Map.entry("%", new Unit(Kind.PERCENT, 0.01)),
            Map.entry("", new Unit(Kind.NUMBER, 1)));

    /** The unit for a spelling, or null when it is not one the language knows. */
    static Unit of(String written) {
        return BY_SPELLING.get(normalise(written));
    }

    private static String normalise(String written) {
        String s = written.toLowerCase(Locale.ROOT)
                .replace('µ', 'u').replace('μ', 'u')
                .replace("²", "2").replace("⁻", "-").replace("^", "")
                .replaceAll("\\s+", "");
        if (s.endsWith("cm-2") && !s.contains("/")) {
            s = s.substring(0, s.length() - "cm-2".length()) + "/cm2";
        }
        return s;
    }
}
