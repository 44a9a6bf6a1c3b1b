package org.no3rr.protocol;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads "5 mA/cm2", "-0.1 V", "2 h", "C/20" into {@link Quantity}. Numbers must be finite and of a
 * size a station can mean; anything else is a {@link LineProblem} naming the text that was found.
 */
final class Quantities {

    /** Larger magnitudes are typos or attacks, never setpoints. */
    static final double LARGEST_NUMBER = 1e9;

    private static final String NUMBER = "[-+\u2212]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(" + NUMBER + ")\\s*(\\S.*)?");
    /** PyBaMM's C-rates: "C/20", "C / 2", and "C" alone for 1C. */
    private static final Pattern C_FRACTION = Pattern.compile("(?i)C(?:\\s*/\\s*(" + NUMBER + "))?");

    /**
     * A regex group for one quantity inside a line pattern: short and comma-free, which keeps the
     * patterns from backtracking for long on a long malformed line.
     */
    static final String GROUP = "([^,]{1,40}?)";

    private Quantities() {
    }

    /** Reads {@code text} as one quantity of one of the {@code allowed} kinds. */
    static Quantity read(String text, String example, QuantityKind... allowed) {
        return read(text, "", example, allowed);
    }

    /**
     * Like {@link #read(String, String, QuantityKind...)}, but a bare number takes {@code defaultUnit},
     * as in "from 0 to 30 mA/cm2".
     */
    static Quantity read(String text, String defaultUnit, String example, QuantityKind... allowed) {
        String trimmed = text.trim();
        if (Arrays.asList(allowed).contains(QuantityKind.C_RATE)) {
            Matcher fraction = C_FRACTION.matcher(trimmed);
            if (fraction.matches()) {
                return cRate(fraction.group(1), trimmed, example);
            }
        }
        Matcher m = NUMBER_AND_UNIT.matcher(trimmed);
        if (!m.matches()) {
            throw new LineProblem("expected " + Quantity.describe(allowed) + ", found '" + trimmed + "'", example);
        }
        double number = number(m.group(1), example);
        String unitText = m.group(2) == null ? defaultUnit : m.group(2).trim();
        if (Unit.of(unitText) == null) {
            throw new LineProblem("unknown unit '" + unitText + "' in '" + trimmed + "'; expected "
                    + Quantity.describe(allowed), example);
        }
        try {
            return Quantity.of(number, unitText, example, allowed);
        } catch (LineProblem wrongKind) {
            // Quote the text as written, not as the number was re-formatted.
            throw new LineProblem(wrongKind.getMessage().contains("needs a unit")
                    ? "'" + trimmed + "' needs a unit: expected " + Quantity.describe(allowed)
                    : "expected " + Quantity.describe(allowed) + ", found '" + trimmed + "'", example);
        }
    }

    /** Reads a whole number between {@code min} and {@code max}, e.g. a repeat count. */
    static int wholeNumber(String text, int min, int max, String what, String example) {
        String trimmed = text.trim();
        if (!trimmed.matches("\\d{1,10}")) {
            throw new LineProblem(what + " must be a whole number from " + min + " to " + max
                    + ", found '" + trimmed + "'", example);
        }
        return Counts.within(Long.parseLong(trimmed), min, max, what, example);
    }

    private static Quantity cRate(String divisor, String written, String example) {
        if (divisor == null) {
            return new Quantity(1, QuantityKind.C_RATE, "C");
        }
        double n = number(divisor, example);
        if (!(n > 0)) {
            throw new LineProblem("a C-rate C/N needs N above 0, found '" + written + "'", example);
        }
        return new Quantity(1 / n, QuantityKind.C_RATE, "C");
    }

    private static double number(String written, String example) {
        double value = Double.parseDouble(written.replace('\u2212', '-'));
        if (!Double.isFinite(value) || Math.abs(value) > LARGEST_NUMBER) {
            throw new LineProblem("the number " + written + " is too large (at most " + (long) LARGEST_NUMBER
                    + " in any unit)", example);
        }
        return value;
    }
}
