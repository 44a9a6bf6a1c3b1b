package org.no3rr.station.validation;

/**
 * The values a numeric request field accepts: finite, from {@code min} to {@code max} inclusive, in
 * {@code unit}. Every range of the API is a constant in {@link Ranges} and listed in docs/security.md.
 */
public record Range(double min, double max, String unit) {

    public boolean contains(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    /** "from 1.0E-4 to 10000 cm²", as an error message says it. */
    public String describe() {
        return "from " + number(min) + " to " + number(max) + (unit.isEmpty() ? "" : " " + unit);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
