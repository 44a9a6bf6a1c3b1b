package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads recording rules: a whole line {@code Record every 1 s or 5 mV or 0.1 mA} (for the whole
 * protocol), or for one step a suffix {@code , record every 10 s} or PyBaMM's {@code (10 seconds period)}.
 */
final class RecordRuleReader {

    static final String EXAMPLE = "Record every 1 s or 5 mV or 0.1 mA";
    static final String SUFFIX_EXAMPLE = "Discharge at 5 mA/cm2 until 0.8 V, record every 10 s or 5 mV";

    private static final Pattern LINE = Pattern.compile("(?i)record\\s+every\\s+(.+)");
    private static final Pattern SUFFIX = Pattern.compile("(?i)(.*?)\\s*,\\s*record\\s+every\\s+(.+)");
    private static final Pattern PERIOD = Pattern.compile("(?i)(.*?)\\s*\\(\\s*([^()]{1,40}?)\\s+period\\s*\\)");

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
        Matcher period = PERIOD.matcher(content);
        Matcher suffix = SUFFIX.matcher(period.matches() ? period.group(1) : content);
        boolean hasSuffix = suffix.matches();
        if (period.matches() && hasSuffix || hasSuffix && PERIOD.matcher(suffix.group(1)).matches()) {
            throw new LineProblem("give a step's recording interval once: '(… period)' or ', record every …'",
                    SUFFIX_EXAMPLE);
        }
        if (period.matches()) {
            Quantity every = Quantities.read(period.group(2), SUFFIX_EXAMPLE, QuantityKind.TIME);
            return new Split(period.group(1), Optional.of(RecordRule.of(List.of(every), SUFFIX_EXAMPLE)));
        }
        if (!hasSuffix) {
            return new Split(content, Optional.empty());
        }
        return new Split(suffix.group(1), Optional.of(rule(suffix.group(2), SUFFIX_EXAMPLE)));
    }

    private static RecordRule rule(String thresholds, String example) {
        List<Quantity> quantities = new ArrayList<>();
        for (String part : thresholds.trim().split("(?i)\\s+or\\s+", -1)) {
            quantities.add(Quantities.read(part, example,
                    QuantityKind.TIME, QuantityKind.VOLTAGE, QuantityKind.CURRENT, QuantityKind.CURRENT_DENSITY));
        }
        return RecordRule.of(quantities, example);
    }
}
