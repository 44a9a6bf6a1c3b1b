package org.no3rr.protocol;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads run-level ends: {@code Stop when discharge capacity < 80 % of cycle 1} or
 * {@code Stop when charge capacity < 0.5 mAh}.
 */
final class StopReader {

    static final String EXAMPLE = "Stop when discharge capacity < 80 % of cycle 1";

    private static final Pattern STOP = Pattern.compile(
            "(?i)stop\\s+when\\s+(discharge|charge)\\s+capacity\\s*(?:<|is\\s+below|below)\\s*(.+?)"
                    + "(?:\\s+of\\s+cycle\\s+(\\S+))?");

    private StopReader() {
    }

    static ParsedLine read(SourceLine line) {
        Matcher m = STOP.matcher(line.content());
        if (!m.matches()) {
            throw new LineProblem("a run-level stop reads 'Stop when discharge|charge capacity < <N> % of cycle <n>'",
                    EXAMPLE);
        }
        StopCondition.CapacityKind kind = m.group(1).toLowerCase(Locale.ROOT).equals("discharge")
                ? StopCondition.CapacityKind.DISCHARGE : StopCondition.CapacityKind.CHARGE;
        Quantity threshold = Quantities.read(m.group(2), EXAMPLE, QuantityKind.PERCENT, QuantityKind.CAPACITY);
        Integer cycle = m.group(3) == null ? null
                : Quantities.wholeNumber(m.group(3), 1, RepeatReader.MOST_TIMES, "the reference cycle", EXAMPLE);
        return new ParsedLine.StopLine(StopCondition.below(line.number(), line.content(), kind, threshold, cycle));
    }
}
