package org.no3rr.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How numbers appear in the engine's reasons and events, so that they read alike everywhere. */
final class NumberText {

    private NumberText() {
    }

    /** A setpoint or threshold as a person writes it: {@code 0.8}, not {@code 0.8000}. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A capacity as a person reads it, four significant digits: {@code 1.944}. */
    static String rounded(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A measured value to four decimals: a tenth of a millivolt, microampere or microampere-hour. */
    static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
