package org.no3rr.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads "5 mA/cm2", "-0.1 V", "2 h" into {@link Quantity}. Numbers must be finite and of a size a
 * station can mean; anything else is a {@link LineProblem} naming the text that was found.
 */
final class Quantities {

    /** Larger magnitudes are typos or attacks, never setpoints. */
    static final double LARGEST_NUMBER = 1e9;

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile(
            "([-+\u2212]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S.*)?");

    /**
     * A regex group for one quantity inside a line pattern: short and comma-free, which keeps the
     * patterns from backtracking for long on a long malformed line.
     */
    static final String GROUP = "([^,]{1,40}?)";

    private Quantities() {
    }

    /** Reads {@code text} as one quantity of one of the {@code allowed} kinds. */
    static Quantity read(String text, String example, Unit.Kind... allowed) {
        return read(text, "", example, allowed);
    }

    /**
     * Like {@link #read(String, String, Unit.Kind...)}, but a bare number takes {@code defaultUnit},
     * as in "from 0 to 30 mA/cm2".
     */
    static Quantity read(String text, String defaultUnit, String example, Unit.Kind... allowed) {
        String trimmed = text.trim();
        Matcher m = NUMBER_AND_UNIT.matcher(trimmed);
        if (!m.matches()) {
            throw new LineProblem("expected " + describe(allowed) + ", found '" + trimmed + "'", example);
        }
        double number = number(m.group(1), example);
        String unitText = m.group(2) == null ? defaultUnit : m.group(2).trim();
        Unit unit = Unit.of(unitText);
        if (unit == null) {
            throw new LineProblem("unknown unit '" + unitText + "' in '" + trimmed + "'; expected "
                    + describe(allowed), example);
        }
        for (Unit.Kind kind : allowed) {
            if (unit.kind() == kind) {
                return new Quantity(number * unit.toBase(), kind, unitText);
            }
        }
        if (unit.kind() == Unit.Kind.NUMBER) {
            throw new LineProblem("'" + trimmed + "' needs a unit: expected " + describe(allowed), example);
        }
        throw new LineProblem("expected " + describe(allowed) + ", found '" + trimmed + "'", example);
    }

    /** Reads a whole number between {@code min} and {@code max}, e.g. a repeat count. */
    static int wholeNumber(String text, int min, int max, String what, String example) {
        String trimmed = text.trim();
        if (!trimmed.matches("\\d{1,10}")) {
            throw new LineProblem(what + " must be a whole number from " + min + " to " + max
                    + ", found '" + trimmed + "'", example);
        }
        long value = Long.parseLong(trimmed);
        if (value < min || value > max) {
            throw new LineProblem(what + " must be from " + min + " to " + max + ", found " + value, example);
        }
        return (int) value;
    }

    private static double number(String written, String example) {
        double value = Double.parseDouble(written.replace('\u2212', '-'));
        if (!Double.isFinite(value) || Math.abs(value) > LARGEST_NUMBER) {
            throw new LineProblem("the number " + written + " is too large (at most " + (long) LARGEST_NUMBER
                    + " in any unit)", example);
        }
        return value;
    }

    private static String describe(Unit.Kind... allowed) {
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
