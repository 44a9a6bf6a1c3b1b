package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a protocol as a flat row of plain values, for showing a parsed protocol (the
 * station's validate response, the phone's run view) without knowing the step hierarchy.
 *
 * @param line      1-based line in the protocol text
 * @param depth     0 at the top level, 1 inside a Repeat, 2 inside a Repeat inside a Repeat, …
 * @param kind      {@code rest}, {@code discharge}, {@code charge}, {@code hold}, {@code polarize},
 *                  {@code sweep}, {@code cycle}, {@code ask} or {@code repeat}
 * @param text      the line as written
 * @param canonical the line as {@link ProtocolWriter} writes it, units normalised
 */
public record StepOutline(int line, int depth, String kind, String text, String canonical) {

    /** Every step in protocol order, a Repeat followed by its block. */
    static List<StepOutline> of(List<Step> steps) {
        List<StepOutline> rows = new ArrayList<>();
        add(steps, 0, rows);
        return List.copyOf(rows);
    }

    private static void add(List<Step> steps, int depth, List<StepOutline> rows) {
        for (Step step : steps) {
            rows.add(new StepOutline(step.line(), depth, kind(step), step.text(), ProtocolWriter.line(step)));
            if (step instanceof Step.Repeat) {
                add(((Step.Repeat) step).steps(), depth + 1, rows);
            }
        }
    }

    private static String kind(Step step) {
        if (step instanceof Step.ConstantCurrent) {
            return ((Step.ConstantCurrent) step).direction().written();
        }
        if (step instanceof Step.CyclicVoltammetry) {
            return "cycle";
        }
        return step.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
