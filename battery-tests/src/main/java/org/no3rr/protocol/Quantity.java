package org.no3rr.protocol;

import java.util.Arrays;
import java.util.Locale;

/**
 * A number with its unit, converted to the base unit of its kind. Text and JSON readers both make
 * quantities here, with one unit table, so a unit means the same in both forms.
 *
 * @param value    in the base unit of {@code kind}
 * @param kind     what the unit measures
 * @param unitText the unit as written, for messages and for values that borrow a unit ("from 0 to 30 mA/cm2")
 */
public record Quantity(double value, QuantityKind kind, String unitText) {

    /** 10,000 h (over a year): longer steps are typos; long runs are written with Repeat. */
    public static final long LONGEST_MILLIS = 10_000L * 3_600_000L;

    /**
     * {@code number} in {@code unit}, which must be a unit of one of {@code allowed}. A {@code C}
     * is a C-rate when {@code allowed} includes {@link QuantityKind#C_RATE}, else coulombs.
     *
     * @throws LineProblem naming the unit and what is allowed
     */
    public static Quantity of(double number, String unit, String example, QuantityKind... allowed) {
        Unit known = Unit.of(unit);
        String shown = (Numbers.format(number) + " " + unit).strip();
        if (known == null) {
            throw new LineProblem("unknown unit '" + unit + "' in '" + shown + "'; expected " + describe(allowed),
                    example);
        }
        if (known.kind() == QuantityKind.CAPACITY && unit.strip().equalsIgnoreCase("c")
                && Arrays.asList(allowed).contains(QuantityKind.C_RATE)) {
            return new Quantity(number, QuantityKind.C_RATE, unit);
        }
        for (QuantityKind kind : allowed) {
            if (known.kind() == kind) {
                return new Quantity(number * known.toBase(), kind, unit);
            }
        }
        if (known.kind() == QuantityKind.NUMBER) {
            throw new LineProblem("'" + shown + "' needs a unit: expected " + describe(allowed), example);
        }
        throw new LineProblem("expected " + describe(allowed) + ", found '" + shown + "'", example);
    }

    /** Whether {@code unit} is a unit of {@code kind} (a C of a C-rate included). */
    public static boolean isUnitOf(String unit, QuantityKind kind) {
        Unit known = Unit.of(unit);
        return known != null && (known.kind() == kind
                || kind == QuantityKind.C_RATE && unit.strip().toLowerCase(Locale.ROOT).equals("c"));
    }

    /**
     * This time in whole milliseconds, within what a single step may last.
     *
     * @throws LineProblem below 1 ms or above 10000 h
     */
    public long millis(String example) {
        if (!(value >= 1)) {
            throw new LineProblem("a time must be at least 1 ms, found " + Numbers.format(value) + " ms", example);
        }
        if (value > LONGEST_MILLIS) {
            throw new LineProblem("a time must be at most 10000 h, found " + Numbers.format(value / 3_600_000)
                    + " h; use Repeat for longer runs", example);
        }
        return Math.round(value);
    }

    /** The quantity in the unit it was written in, e.g. {@code 5 mV}, for messages. */
    public String shown() {
        Unit unit = Unit.of(unitText);
        double factor = unit == null || kind == QuantityKind.C_RATE ? 1 : unit.toBase();
        return (Numbers.format(value / factor) + " " + unitText).strip();
    }

    static String describe(QuantityKind... allowed) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < allowed.length; i++) {
            if (i > 0) {
                b.append(i == allowed.length - 1 ? " or " : ", ");
            }
            b.append(allowed[i].described());
        }
        return b.toString();
    }
}
