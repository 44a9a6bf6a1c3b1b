package org.no3rr.protocol;

import java.util.Locale;
import java.util.Map;

/**
 * The units a protocol may use. Matching ignores case (nobody means megaampere by "MA") and
 * accepts the spellings people type: µA, uA, mA/cm², mA cm-2, mA/cm2, and PyBaMM's time units
 * (m for minutes, hr, sec). Resistance is the one exception to ignoring case: MOhm is megaohm,
 * mOhm milliohm, because both are plausible loads.
 *
 * <p>{@code C} is read here as coulombs; {@link Quantities} reads it as a C-rate wherever a
 * current is expected and a capacity is not.
 */
record Unit(QuantityKind kind, double toBase) {

    private static final Unit MEGAOHM = new Unit(QuantityKind.RESISTANCE, 1e6);

    private static final Map<String, Unit> BY_SPELLING = Map.ofEntries(
            Map.entry("ms", new Unit(QuantityKind.TIME, 1)),
            Map.entry("s", new Unit(QuantityKind.TIME, 1_000)),
            Map.entry("sec", new Unit(QuantityKind.TIME, 1_000)),
            Map.entry("secs", new Unit(QuantityKind.TIME, 1_000)),
            Map.entry("second", new Unit(QuantityKind.TIME, 1_000)),
            Map.entry("seconds", new Unit(QuantityKind.TIME, 1_000)),
            Map.entry("m", new Unit(QuantityKind.TIME, 60_000)),
            Map.entry("min", new Unit(QuantityKind.TIME, 60_000)),
            Map.entry("mins", new Unit(QuantityKind.TIME, 60_000)),
            Map.entry("minute", new Unit(QuantityKind.TIME, 60_000)),
            Map.entry("minutes", new Unit(QuantityKind.TIME, 60_000)),
            Map.entry("h", new Unit(QuantityKind.TIME, 3_600_000)),
            Map.entry("hr", new Unit(QuantityKind.TIME, 3_600_000)),
            Map.entry("hrs", new Unit(QuantityKind.TIME, 3_600_000)),
            Map.entry("hour", new Unit(QuantityKind.TIME, 3_600_000)),
            Map.entry("hours", new Unit(QuantityKind.TIME, 3_600_000)),
            Map.entry("v", new Unit(QuantityKind.VOLTAGE, 1)),
            Map.entry("mv", new Unit(QuantityKind.VOLTAGE, 1e-3)),
            Map.entry("a", new Unit(QuantityKind.CURRENT, 1)),
            Map.entry("ma", new Unit(QuantityKind.CURRENT, 1e-3)),
            Map.entry("ua", new Unit(QuantityKind.CURRENT, 1e-6)),
            Map.entry("a/cm2", new Unit(QuantityKind.CURRENT_DENSITY, 1)),
            Map.entry("ma/cm2", new Unit(QuantityKind.CURRENT_DENSITY, 1e-3)),
            Map.entry("ua/cm2", new Unit(QuantityKind.CURRENT_DENSITY, 1e-6)),
            Map.entry("ah", new Unit(QuantityKind.CAPACITY, 3600)),
            Map.entry("mah", new Unit(QuantityKind.CAPACITY, 3.6)),
            Map.entry("uah", new Unit(QuantityKind.CAPACITY, 3.6e-3)),
            Map.entry("c", new Unit(QuantityKind.CAPACITY, 1)),
            Map.entry("wh", new Unit(QuantityKind.ENERGY, 3600)),
            Map.entry("mwh", new Unit(QuantityKind.ENERGY, 3.6)),
            Map.entry("uwh", new Unit(QuantityKind.ENERGY, 3.6e-3)),
            Map.entry("j", new Unit(QuantityKind.ENERGY, 1)),
            Map.entry("w", new Unit(QuantityKind.POWER, 1)),
            Map.entry("mw", new Unit(QuantityKind.POWER, 1e-3)),
            Map.entry("uw", new Unit(QuantityKind.POWER, 1e-6)),
            Map.entry("w/cm2", new Unit(QuantityKind.POWER_DENSITY, 1)),
            Map.entry("mw/cm2", new Unit(QuantityKind.POWER_DENSITY, 1e-3)),
            Map.entry("uw/cm2", new Unit(QuantityKind.POWER_DENSITY, 1e-6)),
            Map.entry("ohm", new Unit(QuantityKind.RESISTANCE, 1)),
            Map.entry("ohms", new Unit(QuantityKind.RESISTANCE, 1)),
            Map.entry("ω", new Unit(QuantityKind.RESISTANCE, 1)),
            Map.entry("kohm", new Unit(QuantityKind.RESISTANCE, 1e3)),
            Map.entry("kω", new Unit(QuantityKind.RESISTANCE, 1e3)),
            Map.entry("mohm", new Unit(QuantityKind.RESISTANCE, 1e-3)),
            Map.entry("mω", new Unit(QuantityKind.RESISTANCE, 1e-3)),
            Map.entry("v/s", new Unit(QuantityKind.SCAN_RATE, 1)),
            Map.entry("mv/s", new Unit(QuantityKind.SCAN_RATE, 1e-3)),
            Map.entry("%", new Unit(QuantityKind.PERCENT, 0.01)),
            Map.entry("", new Unit(QuantityKind.NUMBER, 1)));

    /** The unit for a spelling, or null when it is not one the language knows. */
    static Unit of(String written) {
        String normalised = normalise(written);
        Unit unit = BY_SPELLING.get(normalised);
        if (unit != null && unit.kind() == QuantityKind.RESISTANCE && unit.toBase() == 1e-3
                && written.strip().startsWith("M")) {
            return MEGAOHM;
        }
        return unit;
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
