package org.no3rr.station.results;

import jakarta.enterprise.context.ApplicationScoped;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.service.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which charge and discharge steps a curve figure overlays: those of the cycles asked for
 * ({@code cycles=1,10,100}), or by default up to five cycles spread over the run — the first, the
 * last and three evenly between — and what each curve is called in the legend.
 */
@ApplicationScoped
public class CycleSelection {

    static final int DEFAULT_CYCLES = 5;

    /** The ended charge and discharge steps of the chosen cycles, in run order. */
    public List<StepSummary> halves(FigureContext context) {
        List<StepSummary> all = context.stepsOf(StepCurves.halves());
        if (all.isEmpty()) {
            throw new ConflictException("run " + context.runId() + " has no ended charge or discharge step yet");
        }
        TreeSet<Integer> present = all.stream().map(StepSummary::cycle).collect(Collectors.toCollection(TreeSet::new));
        List<Integer> asked = context.options().cycles();
        List<Integer> chosen = asked == null ? spread(new ArrayList<>(present)) : asked;
        for (int cycle : chosen) {
            if (!present.contains(cycle)) {
                throw new InvalidRequestException("cycles", "run " + context.runId() + " has no ended charge or "
                        + "discharge in cycle " + cycle + "; its cycles with one are " + ranges(present));
            }
        }
        return all.stream().filter(s -> chosen.contains(s.cycle())).toList();
    }

    /**
     * "cycle 3 · discharge" when each chosen cycle has one step of a kind; "step 4 · discharge · 2 mA cm⁻²"
     * when a cycle has several (a rate test's staircase), so every curve is told apart.
     */
    public String name(List<StepSummary> chosen, StepSummary step, CellMetadata cell) {
        long sameKindInCycle = chosen.stream().filter(s -> s.cycle() == step.cycle() && s.kind() == step.kind()).count();
        String kind = step.kind().wireName();
        if (sameKindInCycle == 1) {
            return "cycle " + step.cycle() + " · " + kind;
        }
        return "step " + step.stepNumber() + " · " + kind + " · "
                + Decimals.plain(Math.abs(step.meanCurrentDensityMaPerCm2(cell.areaCm2())), 3) + " mA cm⁻²";
    }

    /** The first, the last and up to three evenly between. */
    static List<Integer> spread(List<Integer> cycles) {
        if (cycles.size() <= DEFAULT_CYCLES) {
            return cycles;
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < DEFAULT_CYCLES; i++) {
            chosen.add(cycles.get((int) Math.round(i * (cycles.size() - 1) / (double) (DEFAULT_CYCLES - 1))));
        }
        return chosen.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** "1 to 5", or "1, 3 to 5, 9". */
    private static String ranges(TreeSet<Integer> cycles) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int c : cycles) {
            if (previous != null && c != previous + 1) {
                parts.add(start.equals(previous) ? start.toString() : start + " to " + previous);
                start = null;
            }
            if (start == null) {
                start = c;
            }
            previous = c;
        }
        parts.add(start.equals(previous) ? start.toString() : start + " to " + previous);
        return String.join(", ", parts);
    }
}
