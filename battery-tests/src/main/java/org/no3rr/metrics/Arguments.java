package org.no3rr.metrics;

/**
 * Argument checks shared by the metrics: every rejection names the value, what it was and the
 * allowed range, because a metric computed from a silently accepted bad input ends up in a paper.
 */
public final class Arguments {

    private Arguments() {
    }

    public static double requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
        return value;
    }

    public static double requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    public static double requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    /** For optional normalisations (a mass not given is NaN): NaN passes, anything else must be > 0. */
    public static double requirePositiveOrNaN(String name, double value) {
        if (!Double.isNaN(value)) {
            requirePositive(name, value);
        }
        return value;
    }

    public static void requireSameLength(String firstName, double[] first, String secondName, double[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException(firstName + " and " + secondName + " must have the same length, were "
                    + first.length + " and " + second.length);
        }
    }

    public static void requireAtLeast(String name, int count, int minimum) {
        if (count < minimum) {
            throw new IllegalArgumentException(name + " needs at least " + minimum + " values, had " + count);
        }
    }
}
