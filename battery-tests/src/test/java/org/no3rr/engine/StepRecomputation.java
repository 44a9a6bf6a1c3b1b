package org.no3rr.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;

/** What a sceptic recomputes from the stored samples alone, to compare with the stored summaries. */
final class StepRecomputation {

    private StepRecomputation() {
    }

    /** Each step's totals folded from its own samples, in order, keyed by step number. */
    static Map<Integer, StepTotals> totalsByStep(List<RecordedSample> samples) {
        Map<Integer, StepTotals> totals = new LinkedHashMap<>();
        for (RecordedSample s : samples) {
            totals.merge(s.stepNumber(), StepTotals.EMPTY.plus(s.stepTimeMillis(), s.measurement().voltage(),
                    s.measurement().current()), (sofar, one) -> sofar.plus(s.stepTimeMillis(),
                    s.measurement().voltage(), s.measurement().current()));
        }
        return totals;
    }

    /** The cycles as the sums of the stored steps, in order. */
    static List<CycleSummary> cyclesOf(List<StepSummary> steps, boolean battery) {
        Map<Integer, CycleSummary> cycles = new LinkedHashMap<>();
        for (StepSummary step : steps) {
            cycles.merge(step.cycle(), CycleSummary.begin(step.cycle(), battery).plus(step),
                    (sofar, one) -> sofar.plus(step));
        }
        return List.copyOf(cycles.values());
    }
}
