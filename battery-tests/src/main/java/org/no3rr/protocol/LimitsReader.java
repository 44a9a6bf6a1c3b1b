package org.no3rr.protocol;

import java.util.Optional;
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
        double minVolts = Double.NaN;
        double maxVolts = Double.NaN;
        Optional<Current> minCurrent = Optional.empty();
        Optional<Current> maxCurrent = Optional.empty();
        for (String part : m.group(1).split(",", -1)) {
            Matcher w = WINDOW.matcher(part);
            if (!w.matches()) {
                throw new LineProblem("each limit is a window '<low> to <high>', found '" + part.trim() + "'", EXAMPLE);
            }
            Quantity high = Quantities.read(w.group(2), EXAMPLE,
                    Unit.Kind.VOLTAGE, Unit.Kind.CURRENT, Unit.Kind.CURRENT_DENSITY);
            Quantity low = Quantities.read(w.group(1), high.unitText(), EXAMPLE, high.kind());
            if (!(low.value() < high.value())) {
                throw new LineProblem("the low end of '" + part.trim() + "' must be below the high end", EXAMPLE);
            }
            boolean voltage = high.kind() == Unit.Kind.VOLTAGE;
            if (voltage ? !Double.isNaN(minVolts) : minCurrent.isPresent()) {
                throw new LineProblem("the " + (voltage ? "voltage" : "current") + " window is given twice", EXAMPLE);
            }
            if (voltage) {
                minVolts = low.value();
                maxVolts = high.value();
            } else {
                minCurrent = Optional.of(Current.of(low));
                maxCurrent = Optional.of(Current.of(high));
            }
        }
        return new ParsedLine.LimitsLine(new SafetyLimits(minVolts, maxVolts, minCurrent, maxCurrent));
    }
}
