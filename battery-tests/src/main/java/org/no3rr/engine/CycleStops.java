package org.no3rr.engine;

import java.util.ArrayList;
import java.util.List;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.protocol.StopCondition;

/**
 * The run-level ends ({@code Stop when …}), evaluated each time a cycle completes. Keeps the
 * capacities of the cycles the conditions refer to, and only those, in the engine state.
 */
final class CycleStops {

    private final List<StopCondition> stops;

    CycleStops(List<StopCondition> stops) {
        this.stops = stops;
    }

    /**
     * Called when a cycle has completed: stores its capacities if a condition refers to it, then
     * says why the run stops, or returns null to carry on. The capacities are the cycle summary's
     * discharge and charge halves — the numbers {@code /cycles} shows.
     */
    String onCycleCompleted(EngineState.Builder b, CycleSummary cycle) {
        CycleCapacity completed = new CycleCapacity(cycle.cycle(), cycle.dischargeHalf().coulombs(),
                cycle.chargeHalf().coulombs());
        if (isReferenced(completed.cycle())) {
            List<CycleCapacity> kept = new ArrayList<>(b.referenceCycles);
            kept.add(completed);
            b.referenceCycles = List.copyOf(kept);
        }
        for (StopCondition stop : stops) {
            String reason = check(stop, completed, b.referenceCycles);
            if (reason != null) {
                return reason + " (" + stop.text() + ", line " + stop.line() + ")";
            }
        }
        return null;
    }

    private boolean isReferenced(int cycle) {
        return stops.stream().anyMatch(s -> s instanceof StopCondition.BelowFractionOfCycle
                && ((StopCondition.BelowFractionOfCycle) s).referenceCycle() == cycle);
    }

    private static String check(StopCondition stop, CycleCapacity completed, List<CycleCapacity> references) {
        if (stop instanceof StopCondition.BelowCapacity) {
            StopCondition.BelowCapacity below = (StopCondition.BelowCapacity) stop;
            double value = capacity(completed, below.kind());
            return value < below.coulombs()
                    ? describe(completed, below.kind()) + " is below " + mah(below.coulombs()) : null;
        }
        StopCondition.BelowFractionOfCycle relative = (StopCondition.BelowFractionOfCycle) stop;
        if (completed.cycle() <= relative.referenceCycle()) {
            return null;
        }
        for (CycleCapacity reference : references) {
            if (reference.cycle() == relative.referenceCycle()) {
                double threshold = relative.fraction() * capacity(reference, relative.kind());
                return capacity(completed, relative.kind()) < threshold
                        ? describe(completed, relative.kind()) + " is below "
                        + NumberText.rounded(relative.fraction() * 100) + " % of cycle " + reference.cycle() + "'s "
                        + mah(capacity(reference, relative.kind()))
                        : null;
            }
        }
        return null;
    }

    private static double capacity(CycleCapacity c, StopCondition.CapacityKind kind) {
        return kind == StopCondition.CapacityKind.DISCHARGE ? c.dischargeCoulombs() : c.chargeCoulombs();
    }

    private static String describe(CycleCapacity c, StopCondition.CapacityKind kind) {
        return "cycle " + c.cycle() + "'s " + kind.written() + " capacity " + mah(capacity(c, kind));
    }

    private static String mah(double coulombs) {
        return NumberText.rounded(coulombs / 3.6) + " mAh";
    }
}
