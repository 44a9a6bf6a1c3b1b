package org.no3rr.protocol;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats numbers for messages the way a person writes them: {@code 60}, not {@code 60.00000000001}. */
final class Numbers {

    private Numbers() {
    }

    /** Six significant digits: for messages. */
    static String format(double value) {
        return format(value, 6);
    }

    /**
     * Twelve significant digits: for protocol text written from the model, so that a value read
     * as "2.9 mA" (2.9 × 0.001 A) is written back as "2.9 mA", not "2.9000000000000004 mA".
     */
    static String exact(double value) {
        return format(value, 12);
    }

    private static String format(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
