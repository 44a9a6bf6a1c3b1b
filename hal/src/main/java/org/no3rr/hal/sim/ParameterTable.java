package org.no3rr.hal.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The named, unit-carrying numbers of one parameter record, so that configuration strings can set
 * them by key and every error names the key, the value and what is allowed. One table per record
 * replaces a hand-written setter per key.
 *
 * @param <P> the parameter record
 */
public final class ParameterTable<P> {

    /**
     * One parameter.
     *
     * @param key          configuration key suffix, e.g. {@code capacity-mah}
     * @param unit         unit of the value, e.g. {@code mAh}, or {@code 1} for a plain fraction
     * @param min          smallest allowed value
     * @param minExclusive whether {@code min} itself is not allowed
     * @param max          largest allowed value (inclusive)
     * @param meaning      one line for error messages and the documentation
     * @param getter       reads the value from a record
     */
    public record Entry<P>(String key, String unit, double min, boolean minExclusive, double max,
                           String meaning, ToDoubleFunction<P> getter) {

        public boolean allows(double value) {
            return Double.isFinite(value) && (minExclusive ? value > min : value >= min) && value <= max;
        }

        /** The allowed range in words, e.g. {@code "a number > 0 and ≤ 1 (1)"}. */
        public String allowed() {
            String lower = (minExclusive ? "> " : "≥ ") + number(min);
            String upper = max == Double.POSITIVE_INFINITY ? "" : " and ≤ " + number(max);
            return "a number " + lower + upper + " (" + unit + ")";
        }

        private static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private final String what;
    private final List<Entry<P>> entries;
    private final Map<String, Integer> indexByKey = new LinkedHashMap<>();
    private final Function<double[], P> constructor;

    /**
     * @param what        the record in words, e.g. {@code "battery simulation parameter"}
     * @param entries     all parameters, in the order of {@code constructor}'s array
     * @param constructor builds a record from values in entry order
     */
    public ParameterTable(String what, List<Entry<P>> entries, Function<double[], P> constructor) {
        this.what = Objects.requireNonNull(what);
        this.entries = List.copyOf(entries);
        this.constructor = Objects.requireNonNull(constructor);
        for (int i = 0; i < this.entries.size(); i++) {
            if (indexByKey.put(this.entries.get(i).key(), i) != null) {
                throw new IllegalArgumentException("duplicate " + what + " key " + this.entries.get(i).key());
            }
        }
    }

    public List<Entry<P>> entries() {
        return entries;
    }

    /**
     * A copy of {@code base} with the named parameters set from configuration strings.
     *
     * @throws IllegalArgumentException for an unknown key, a value that is not a number, or a
     *                                  value out of range; the message names key, value and what is allowed
     */
    public P withOverrides(P base, Map<String, String> overrides) {
        double[] values = valuesOf(base);
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            int index = indexOf(override.getKey());
            values[index] = parse(entries.get(index), override.getValue());
        }
        return constructor.apply(values);
    }

    /**
     * A copy of {@code base} with the named parameters set to numbers, for values that come from
     * elsewhere than configuration (a run's cell metadata).
     *
     * @throws IllegalArgumentException for an unknown key or a value out of range, naming both
     */
    public P withValues(P base, Map<String, Double> changes) {
        double[] values = valuesOf(base);
        for (Map.Entry<String, Double> change : changes.entrySet()) {
            int index = indexOf(change.getKey());
            Entry<P> entry = entries.get(index);
            double value = change.getValue();
            if (!entry.allows(value)) {
                throw outOfRange(entry, Double.toString(value));
            }
            values[index] = value;
        }
        return constructor.apply(values);
    }

    private int indexOf(String rawKey) {
        String key = rawKey == null ? "" : rawKey.trim();
        Integer index = indexByKey.get(key);
        if (index == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + rawKey + "'; known keys: "
                    + String.join(", ", indexByKey.keySet()));
        }
        return index;
    }

    /**
     * Checks every value of {@code parameters}, for records built directly rather than from strings.
     *
     * @throws IllegalArgumentException naming the first parameter out of range
     */
    public P validate(P parameters) {
        for (Entry<P> entry : entries) {
            double value = entry.getter().applyAsDouble(parameters);
            if (!entry.allows(value)) {
                throw outOfRange(entry, Double.toString(value));
            }
        }
        return parameters;
    }

    /** Key → value of every parameter, for the run's configuration snapshot. */
    public Map<String, Double> asMap(P parameters) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Entry<P> entry : entries) {
            map.put(entry.key(), entry.getter().applyAsDouble(parameters));
        }
        return map;
    }

    private double[] valuesOf(P base) {
        double[] values = new double[entries.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = entries.get(i).getter().applyAsDouble(base);
        }
        return values;
    }

    private double parse(Entry<P> entry, String text) {
        double value;
        try {
            value = Double.parseDouble(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " " + entry.key() + " = '" + text + "' is not a number; allowed: "
                    + entry.allowed() + " — " + entry.meaning(), e);
        }
        if (!entry.allows(value)) {
            throw outOfRange(entry, "'" + text + "'");
        }
        return value;
    }

    private IllegalArgumentException outOfRange(Entry<P> entry, String shownValue) {
        return new IllegalArgumentException(what + " " + entry.key() + " = " + shownValue + " is out of range; allowed: "
                + entry.allowed() + " — " + entry.meaning());
    }

    /** Shorthand for an entry whose value must be strictly positive. */
    public static <P> Entry<P> positive(String key, String unit, String meaning, ToDoubleFunction<P> getter) {
        return new Entry<>(key, unit, 0, true, Double.POSITIVE_INFINITY, meaning, getter);
    }

    /** Shorthand for an entry in a closed range. */
    public static <P> Entry<P> between(String key, String unit, double min, double max, String meaning,
                                       ToDoubleFunction<P> getter) {
        return new Entry<>(key, unit, min, false, max, meaning, getter);
    }
}
