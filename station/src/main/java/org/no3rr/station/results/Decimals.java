package org.no3rr.station.results;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in legends, facts and the methods text, as a person writes them: no trailing zeros. */
public final class Decimals {

    private Decimals() {
    }

    /** {@code digits} significant digits without trailing zeros: −0.1 → "-0.1", 10.0 → "10", 2.50 → "2.5". */
    public static String plain(double value, int digits) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** Six significant digits: enough for any set value of a protocol. */
    public static String plain(double value) {
        return plain(value, 6);
    }

    /** As {@link #plain(double, int)} with a typographic minus sign (U+2212), for printed figures and text. */
    public static String printed(double value, int digits) {
        String text = plain(value, digits);
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }
}
