package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code Limits: 0.0 V to 2.6 V, -50 mA to 50 mA}; either window may be left out. */
final class LimitsReader {

    static final String EXAMPLE = "Limits: 0.0 V to 2.6 V, -50 mA to 50 mA";

    private static final Pattern LIMITS = Pattern.compile("(?i)limits\\s*:\\s*(.+)");
    private static final Pattern WINDOW = Pattern.compile("(?i)\\s*(.+?)\\s+to\\s+(.+?)\\s*");

    private LimitsReader() {
    }

    static ParsedLine read(SourceLine line) {
        Matcher m = LIMITS.matcher(line.content());
        if (!m.matches()) {
            throw new LineProblem("safety limits read 'Limits: <low> V to <high> V, <low> mA to <high> mA'", EXAMPLE);
        }
        List<Quantity[]> windows = new ArrayList<>();
        for (String part : m.group(1).split(",", -1)) {
            Matcher w = WINDOW.matcher(part);
            if (!w.matches()) {
                throw new LineProblem("each limit is a window '<low> to <high>', found '" + part.trim() + "'", EXAMPLE);
            }
            Quantity high = Quantities.read(w.group(2), EXAMPLE,
                    QuantityKind.VOLTAGE, QuantityKind.CURRENT, QuantityKind.CURRENT_DENSITY);
            Quantity low = Quantities.read(w.group(1), high.unitText(), EXAMPLE, high.kind());
            windows.add(new Quantity[] {low, high});
        }
        return new ParsedLine.LimitsLine(SafetyLimits.of(windows, EXAMPLE));
    }
}
