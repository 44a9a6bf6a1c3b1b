package org.no3rr.station.validation;

import org.no3rr.station.service.InvalidRequestException;

/**
 * The checks every request field goes through, each failing with a 400 that names the field, the
 * value and what is allowed. Numbers must be finite and in their {@link Range}; text must fit its
 * length and hold no control characters (other than tab and line breaks) nor unpaired surrogates —
 * nothing is clipped or cleaned silently.
 */
public final class Check {

    private Check() {
    }

    /** A number that may be left out; returns it. */
    public static Double optional(String field, Double value, Range range) {
        if (value != null) {
            inRange(field, value, range);
        }
        return value;
    }

    /** A number that must be given; {@code example} shows what it looks like. */
    public static double required(String field, Double value, Range range, String example) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required, a number " + range.describe() + ", e.g. " + example);
        }
        return inRange(field, value, range);
    }

    public static double inRange(String field, double value, Range range) {
        if (!range.contains(value)) {
            throw new InvalidRequestException(field, field + " must be a number " + range.describe() + ", was " + value);
        }
        return value;
    }

    /** Whole numbers: a step number, an id. */
    public static Long optionalWhole(String field, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidRequestException(field, field + " must be a whole number from " + min + " to " + max
                    + ", was " + value);
        }
        return value;
    }

    /** Free text that may be left out (null); returns it unchanged. */
    public static String text(String field, String value, int maxChars) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxChars) {
            throw new InvalidRequestException(field, field + " has " + value.length() + " characters; at most "
                    + maxChars + " are allowed (nothing was stored)");
        }
        int problem = firstForbidden(value);
        if (problem >= 0) {
            throw new InvalidRequestException(field, field + " contains " + describeAt(value, problem) + " at character "
                    + (problem + 1) + "; text may hold no control characters (other than tab and line breaks) "
                    + "and no unpaired surrogates");
        }
        return value;
    }

    /** Index of the first control character (other than tab, LF, CR) or unpaired surrogate, or -1. */
    public static int firstForbidden(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return i;
            }
        }
        return -1;
    }

    private static String describeAt(String value, int index) {
        char c = value.charAt(index);
        String code = String.format("U+%04X", (int) c);
        return Character.isSurrogate(c) ? "an unpaired surrogate (" + code + ")" : "a control character (" + code + ")";
    }
}
