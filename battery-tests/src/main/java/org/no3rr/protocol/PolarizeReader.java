package org.no3rr.protocol;

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
        Quantity to = Quantities.read(m.group(2), EXAMPLE, QuantityKind.CURRENT_DENSITY, QuantityKind.CURRENT,
                QuantityKind.C_RATE);
        Quantity from = Quantities.read(m.group(1), to.unitText(), EXAMPLE, to.kind());
        Quantity increment = Quantities.read(m.group(3), EXAMPLE, to.kind());
        long dwell = Quantities.read(m.group(4), EXAMPLE, QuantityKind.TIME).millis(EXAMPLE);
        List<StepEnd> ends = m.group(5) == null ? List.of()
                : EndsReader.read(m.group(5), EndRules.VOLTAGE, true, EXAMPLE);
        return new ParsedLine.StepLine(new Step.Polarize(line.number(), line.content(), Current.of(from),
                Current.of(to), Current.of(increment), dwell, ends, split.rule()));
    }

    /**
     * The rules of a staircase: one basis for all three currents, 0 <= from < to, a positive step,
     * at most {@value #MOST_LEVELS} levels and 10000 h.
     */
    static void checkLevels(Current from, Current to, Current increment, long dwellMillis) {
        if (from.basis() != to.basis() || increment.basis() != to.basis()) {
            throw new LineProblem("a polarization's currents are all on one basis (all mA, all mA/cm2 or all "
                    + "C-rates); found " + from.describe() + ", " + to.describe() + " and " + increment.describe(),
                    EXAMPLE);
        }
        if (!(from.value() >= 0) || !(to.value() > from.value()) || !(increment.value() > 0)) {
            throw new LineProblem("a polarization steps discharge current up from 0 or more: need 0 <= from < to "
                    + "and a positive step", EXAMPLE);
        }
        if (dwellMillis < 1 || dwellMillis > Quantity.LONGEST_MILLIS) {
            throw new LineProblem("each level lasts from 1 ms to 10000 h, found " + dwellMillis + " ms", EXAMPLE);
        }
        long levels = Step.Polarize.levels(from, to, increment);
        if (levels > MOST_LEVELS) {
            throw new LineProblem("the polarization has " + levels + " levels; at most " + MOST_LEVELS, EXAMPLE);
        }
        if (levels * dwellMillis > Quantity.LONGEST_MILLIS) {
            throw new LineProblem("the polarization would run for " + Numbers.format(levels * dwellMillis / 3.6e6)
                    + " h; at most 10000 h", EXAMPLE);
        }
    }
}
