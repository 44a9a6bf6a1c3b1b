package org.no3rr.protocol;

import java.util.List;

/**
 * What a page needs to show a protocol and a run's progress through it, without reading protocol
 * text: its steps as flat rows, a title, the planned total time and the cycle count.
 *
 * @param title         the first step as written, or an outermost first Repeat with its first
 *                      step ("Repeat 500 times: Discharge at … …")
 * @param totalCycles   cycles the run will have: the sum of the counts of the outermost Repeats
 *                      (each iteration is a cycle); null without a Repeat
 * @param plannedMillis planned total time, or null when some step has no time bound
 * @param plannedExact  whether the run takes exactly that long (no step can end early)
 * @param steps         every step in protocol order, a Repeat followed by its block
 */
public record ProtocolOutline(String title, Long totalCycles, Long plannedMillis, boolean plannedExact,
                              List<StepOutline> steps) {

    public static ProtocolOutline of(Protocol protocol) {
        PlannedTime total = PlannedTime.of(protocol.steps());
        Long cycles = null;
        for (Step step : protocol.steps()) {
            if (step instanceof Step.Repeat repeat) {
                cycles = (cycles == null ? 0L : cycles) + repeat.times();
            }
        }
        return new ProtocolOutline(title(protocol.steps()), cycles, total.millis(), total.exact(), protocol.outline());
    }

    private static String title(List<Step> steps) {
        Step first = steps.get(0);
        if (!(first instanceof Step.Repeat repeat)) {
            return first.text();
        }
        return repeat.steps().stream().filter(s -> !(s instanceof Step.Repeat)).findFirst()
                .map(inner -> repeat.text() + " " + inner.text() + (repeat.steps().size() > 1 ? " …" : ""))
                .orElse(repeat.text());
    }
}
