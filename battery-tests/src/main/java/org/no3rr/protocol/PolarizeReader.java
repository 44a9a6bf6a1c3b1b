package org.no3rr.protocol;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 60 s each, until 0.2 V}. */
final class PolarizeReader {

    static final String EXAMPLE = "Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 60 s each, until 0.2 V";
    static final int MOST_LEVELS = 10_000;

    private static final String Q = Quantities.GROUP;
    private static final Pattern POLARIZE = Pattern.compile("(?i)polari[sz]e\\s+from\\s+" + Q + "\\s+to\\s+" + Q
            + "\\s+in\\s+steps\\s+of\\s+" + Q + "\\s*,\\s*" + Q + "\\s+each(?:\\s*,\\s*(until\\s.*))?");

    private PolarizeReader() {
    }

    static ParsedLine read(SourceLine line) {
        RecordRuleReader.Split split = RecordRuleReader.split(line.content());
        Matcher m = POLARIZE.matcher(split.body());
        if (!m.matches()) {
            throw new LineProblem("a polarization reads 'Polarize from <current> to <current> in steps of <current>, "
                    + "<time> each, until <voltage>'", EXAMPLE);
        }
        Quantity to = Quantities.read(m.group(2), EXAMPLE, Unit.Kind.CURRENT_DENSITY, Unit.Kind.CURRENT);
        Quantity from = Quantities.read(m.group(1), to.unitText(), EXAMPLE, to.kind());
        Quantity increment = Quantities.read(m.group(3), EXAMPLE, to.kind());
        long dwell = Durations.millis(Quantities.read(m.group(4), EXAMPLE, Unit.Kind.TIME), EXAMPLE);
        if (!(from.value() >= 0) || !(to.value() > from.value()) || !(increment.value() > 0)) {
            throw new LineProblem("a polarization steps discharge current up from 0 or more: need 0 <= from < to "
                    + "and a positive step", EXAMPLE);
        }
        List<StepEnd> ends = m.group(5) == null ? List.of()
                : EndsReader.read(m.group(5), EnumSet.of(Unit.Kind.VOLTAGE), true, EXAMPLE);
        Step.Polarize step = new Step.Polarize(line.number(), line.content(), Current.of(from), Current.of(to),
                Current.of(increment), dwell, ends, split.rule());
        if (step.levelCount() > MOST_LEVELS) {
            throw new LineProblem("the polarization has " + step.levelCount() + " levels; at most " + MOST_LEVELS,
                    EXAMPLE);
        }
        if (step.levelCount() * dwell > Durations.LONGEST_MILLIS) {
            throw new LineProblem("the polarization would run for " + Numbers.format(step.levelCount() * dwell / 3.6e6)
                    + " h; at most 10000 h", EXAMPLE);
        }
        return new ParsedLine.StepLine(step);
    }
}
