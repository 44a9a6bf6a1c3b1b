package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ends of a step: {@code until 0.8 V or 2 h}, {@code for 10 min or until 0.3 V},
 * {@code for 1 h or until 5 mAh}. "for" takes a time; "until" a time, voltage or capacity.
 */
final class EndsReader {

    private static final Pattern KEYWORD = Pattern.compile("(?is)(for|until)\\s+(.*)");

    private EndsReader() {
    }

    /**
     * @param text    the ends as written, starting with "until" or "for"
     * @param allowed which kinds of end the step accepts (TIME, VOLTAGE, CAPACITY)
     * @param falling for a voltage end: whether the step ends as the voltage falls to it
     */
    static List<StepEnd> read(String text, Set<Unit.Kind> allowed, boolean falling, String example) {
        if (text.trim().matches("(?is).*\\sor")) {
            throw new LineProblem("'or' at the end needs another end after it", example);
        }
        String[] parts = text.trim().split("(?i)\\s+or\\s+", -1);
        List<StepEnd> ends = new ArrayList<>();
        Set<Unit.Kind> seen = EnumSet.noneOf(Unit.Kind.class);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            Matcher keyword = KEYWORD.matcher(part);
            boolean hasKeyword = keyword.matches();
            if (i == 0 && !hasKeyword) {
                throw new LineProblem("a step's end starts with 'until' or 'for', found '" + part + "'", example);
            }
            boolean isFor = hasKeyword && keyword.group(1).equalsIgnoreCase("for");
            String quantityText = hasKeyword ? keyword.group(2) : part;
            Quantity q = isFor ? Quantities.read(quantityText, example, Unit.Kind.TIME)
                    : Quantities.read(quantityText, example, Unit.Kind.TIME, Unit.Kind.VOLTAGE, Unit.Kind.CAPACITY);
            if (!allowed.contains(q.kind())) {
                throw new LineProblem("this step cannot end at a " + q.kind().noun() + "; found '" + part + "'",
                        example);
            }
            if (!seen.add(q.kind())) {
                throw new LineProblem("two ends of the same kind ('" + part + "'); give each kind once", example);
            }
            ends.add(toEnd(q, falling, example));
        }
        return ends;
    }

    private static StepEnd toEnd(Quantity q, boolean falling, String example) {
        switch (q.kind()) {
            case TIME:
                return new StepEnd.AfterTime(Durations.millis(q, example));
            case VOLTAGE:
                return new StepEnd.AtVoltage(q.value(), falling);
            default:
                if (!(q.value() > 0)) {
                    throw new LineProblem("a capacity end must be positive, found " + Numbers.format(q.value() / 3.6)
                            + " mAh", example);
                }
                return new StepEnd.AtCapacity(q.value());
        }
    }
}
