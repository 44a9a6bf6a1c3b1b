package org.no3rr.station.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** How every CSV export writes its cells: the same time format, the same empty cell for an absent value. */
public final class CsvCells {

    private CsvCells() {
    }

    /** Milliseconds as seconds with exactly three decimals, without floating-point rounding. */
    public static StringBuilder appendMillisAsSeconds(StringBuilder sb, long millis) {
        if (millis < 0) {
            sb.append('-');
            millis = -millis;
        }
        long fraction = millis % 1000;
        sb.append(millis / 1000).append('.');
        if (fraction < 100) {
            sb.append('0');
        }
        if (fraction < 10) {
            sb.append('0');
        }
        return sb.append(fraction);
    }

    /** A number, or nothing for NaN (an input the channel does not have, a ratio without a denominator). */
    public static StringBuilder appendOptional(StringBuilder sb, double value) {
        return Double.isNaN(value) ? sb : sb.append(value);
    }

    /** Text as one cell (RFC 4180): in quotes, its quotes doubled, when it holds a comma, a quote or a line break. */
    public static StringBuilder appendText(StringBuilder sb, String text) {
        if (text == null) {
            return sb;
        }
        if (text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return sb.append(text);
        }
        return sb.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    /**
     * Writes one line. The sample consumer cannot throw checked exceptions, so a client that went
     * away surfaces as {@link UncheckedIOException}, which {@link RunExporter} unwraps again.
     */
    public static void line(Writer out, CharSequence text) {
        try {
            out.append(text).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
