package org.no3rr.protocol;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads recording rules: a whole line {@code Record every 1 s or 5 mV or 0.1 mA} (for the whole
 * protocol) or a step's suffix {@code , record every 10 s} (for that step only).
 */
final class RecordRuleReader {

    static final String EXAMPLE = "Record every 1 s or 5 mV or 0.1 mA";
    static final String SUFFIX_EXAMPLE = "Discharge at 5 mA/cm2 until 0.8 V, record every 10 s or 5 mV";

    private static final Pattern LINE = Pattern.compile("(?i)record\\s+every\\s+(.+)");
    private static final Pattern SUFFIX = Pattern.compile("(?i)(.*?)\\s*,\\s*record\\s+every\\s+(.+)");

    /** A step's text without its recording suffix, and the suffix's rule if there was one. */
    record Split(String body, Optional<RecordRule> rule) {
    }

    private RecordRuleReader() {
    }

    static ParsedLine line(SourceLine line) {
        Matcher m = LINE.matcher(line.content());
        if (!m.matches()) {
            throw new LineProblem("a recording rule reads 'Record every …', found '" + line.content() + "'", EXAMPLE);
        }
        return new ParsedLine.RecordLine(rule(m.group(1), EXAMPLE));
    }

    static Split split(String content) {
        Matcher m = SUFFIX.matcher(content);
        if (!m.matches()) {
            return new Split(content, Optional.empty());
        }
        return new Split(m.group(1), Optional.of(rule(m.group(2), SUFFIX_EXAMPLE)));
    }

    private static RecordRule rule(String thresholds, String example) {
        OptionalLong millis = OptionalLong.empty();
        OptionalDouble volts = OptionalDouble.empty();
        Optional<Current> current = Optional.empty();
        Set<Unit.Kind> seen = EnumSet.noneOf(Unit.Kind.class);
        for (String part : thresholds.trim().split("(?i)\\s+or\\s+", -1)) {
            Quantity q = Quantities.read(part, example,
                    Unit.Kind.TIME, Unit.Kind.VOLTAGE, Unit.Kind.CURRENT, Unit.Kind.CURRENT_DENSITY);
            Unit.Kind kind = q.kind() == Unit.Kind.CURRENT_DENSITY ? Unit.Kind.CURRENT : q.kind();
            if (!seen.add(kind)) {
                throw new LineProblem("the recording rule names a " + kind.noun() + " twice", example);
            }
            if (!(q.value() > 0)) {
                throw new LineProblem("a recording threshold must be positive, found '" + part.trim() + "'", example);
            }
            switch (kind) {
                case TIME:
                    millis = OptionalLong.of(Durations.millis(q, example));
                    break;
                case VOLTAGE:
                    volts = OptionalDouble.of(q.value());
                    break;
                default:
                    current = Optional.of(Current.of(q));
            }
        }
        return new RecordRule(millis, volts, current);
    }
}
