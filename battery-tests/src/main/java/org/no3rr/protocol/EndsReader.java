package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ends of a step: {@code until 0.8 V or 2 h}, {@code for 10 min or until 0.3 V},
 * {@code until 50 mA}, {@code until < 2.5 V}. "for" takes a time; "until" any end the step
 * accepts; {@code <} and {@code >} (as PyBaMM writes them) say which way a voltage or a current
 * crosses its threshold. Which ends a step accepts is the step's own rule.
 */
final class EndsReader {

    private static final Pattern KEYWORD = Pattern.compile("(?is)(for|until)\\s+(.*)");
    private static final Pattern OPERATOR = Pattern.compile("(?s)([<>])\\s*(.*)");
    private static final QuantityKind[] ENDS = {QuantityKind.TIME, QuantityKind.VOLTAGE, QuantityKind.CAPACITY,
            QuantityKind.ENERGY, QuantityKind.CURRENT, QuantityKind.CURRENT_DENSITY};
    private static final QuantityKind[] ENDS_WITH_C_RATE = {QuantityKind.TIME, QuantityKind.VOLTAGE,
            QuantityKind.CAPACITY, QuantityKind.ENERGY, QuantityKind.CURRENT, QuantityKind.CURRENT_DENSITY,
            QuantityKind.C_RATE};

    private EndsReader() {
    }

    /**
     * @param text           the ends as written, starting with "until" or "for"
     * @param allowed        which kinds of end the step accepts: where it accepts a current, a
     *                       {@code C} is a C-rate ({@code until C/20}), elsewhere coulombs
     * @param fallingDefault for a voltage end without {@code <} or {@code >}: whether the step ends
     *                       as the voltage falls to it
     */
    static List<StepEnd> read(String text, Set<StepEnd.Kind> allowed, boolean fallingDefault, String example) {
        if (text.trim().matches("(?is).*\\sor")) {
            throw new LineProblem("'or' at the end needs another end after it", example);
        }
        QuantityKind[] kinds = allowed.contains(StepEnd.Kind.CURRENT) ? ENDS_WITH_C_RATE : ENDS;
        String[] parts = text.trim().split("(?i)\\s+or\\s+", -1);
        List<StepEnd> ends = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            Matcher keyword = KEYWORD.matcher(part);
            boolean hasKeyword = keyword.matches();
            if (i == 0 && !hasKeyword) {
                throw new LineProblem("a step's end starts with 'until' or 'for', found '" + part + "'", example);
            }
            boolean isFor = hasKeyword && keyword.group(1).equalsIgnoreCase("for");
            String rest = hasKeyword ? keyword.group(2) : part;
            Matcher operator = OPERATOR.matcher(rest);
            Boolean falling = null;
            if (!isFor && operator.matches()) {
                falling = operator.group(1).equals("<");
                rest = operator.group(2);
            }
            Quantity q = isFor ? Quantities.read(rest, example, QuantityKind.TIME)
                    : Quantities.read(rest, example, kinds);
            if (falling != null && q.kind() != QuantityKind.VOLTAGE && q.kind() != QuantityKind.CURRENT
                    && q.kind() != QuantityKind.CURRENT_DENSITY && q.kind() != QuantityKind.C_RATE) {
                throw new LineProblem("'<' and '>' go with a voltage or a current, not a " + q.kind().noun()
                        + "; found '" + part + "'", example);
            }
            ends.add(StepEnd.of(q, falling, fallingDefault, example));
        }
        return ends;
    }
}
