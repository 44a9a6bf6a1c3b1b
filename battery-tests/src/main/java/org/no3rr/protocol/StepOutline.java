package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a protocol as a flat row of plain values, for showing a parsed protocol (the
 * station's validate and outline responses, the phone's run view) without knowing the step
 * hierarchy or reading protocol text again.
 *
 * @param line          1-based line in the protocol text
 * @param depth         0 at the top level, 1 inside a Repeat, 2 inside a Repeat inside a Repeat, …
 * @param kind          what the step is (on the wire its {@link StepKind#wireName()})
 * @param text          the line as written
 * @param canonical     the line as {@link ProtocolWriter} writes it, units normalised
 * @param plannedMillis how long the step is planned to run (a Repeat: its block times its count),
 *                      or null when no time bounds it (it ends on a voltage, current, capacity or energy only)
 * @param plannedExact  whether the step runs exactly {@code plannedMillis}; false when another end
 *                      may end it earlier, or when the plan is unknown
 * @param times         a Repeat's count; null for every other step
 */
public record StepOutline(int line, int depth, StepKind kind, String text, String canonical, Long plannedMillis,
                          boolean plannedExact, Integer times) {

    /** Every step in protocol order, a Repeat followed by its block. */
    static List<StepOutline> of(List<Step> steps) {
        List<StepOutline> rows = new ArrayList<>();
        add(steps, 0, rows);
        return List.copyOf(rows);
    }

    private static void add(List<Step> steps, int depth, List<StepOutline> rows) {
        for (Step step : steps) {
            PlannedTime plan = PlannedTime.of(step);
            Integer times = step instanceof Step.Repeat repeat ? repeat.times() : null;
            rows.add(new StepOutline(step.line(), depth, step.kind(), step.text(), ProtocolWriter.line(step),
                    plan.millis(), plan.exact(), times));
            if (step instanceof Step.Repeat repeat) {
                add(repeat.steps(), depth + 1, rows);
            }
        }
    }
}
