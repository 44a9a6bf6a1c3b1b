package org.no3rr.station.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.engine.EngineState;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.LinearFit;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.battery.CapacityRetention;
import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.channel.ChannelRunner;
import org.no3rr.station.store.SummaryStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The step and cycle summaries of a run as the engine closed and stored them — the one source of
 * {@code /steps}, {@code /cycles}, the exports and the readings — and, while a run goes on, the step
 * and cycle in progress from its runner. Nothing is integrated here.
 */
@ApplicationScoped
public class SummaryService {

    /** How long a reader waits for what an active run has handed to the writer to commit. */
    private static final long FLUSH_MILLIS = 2000;

    @Inject
    SummaryStore store;

    @Inject
    ChannelManager channels;

    @Inject
    RunService runs;

    /** A step's summary and whether the step has ended. */
    public record StepReport(StepSummary summary, boolean complete) {
    }

    /** A cycle's summary, whether it is complete, and its retention against the run's reference (null if none). */
    public record CycleReport(CycleSummary summary, boolean complete, Double retentionPercent,
                              Double fadePercentPerCycle) {
    }

    /** The ended steps in order, then the step in progress if the run is in one. */
    public List<StepReport> steps(long runId) {
        runs.find(runId);
        Optional<EngineState> live = liveState(runId);
        List<StepReport> reports = new ArrayList<>();
        store.steps(runId).forEach(step -> reports.add(new StepReport(step, true)));
        live.filter(s -> s.stepKind() != null && s.state().occupiesChannel() && s.stepNumber() > reports.size())
                .ifPresent(s -> reports.add(new StepReport(new StepSummary(s.cycle(), s.stepNumber(), s.stepLine(),
                        s.stepKind(), s.stepText(), s.stepStartMillis(), s.lastReadingMillis() == EngineState.NO_READING
                        ? s.stepStartMillis() : s.lastReadingMillis(), s.step(), Double.NaN, null), false)));
        return reports;
    }

    /** An ended step, once stored. */
    public Optional<StepSummary> endedStep(long runId, int stepNumber) {
        liveState(runId);
        return store.steps(runId).stream().filter(s -> s.stepNumber() == stepNumber).findFirst();
    }

    /** The numbers of the run's ended steps, for messages. */
    public List<Integer> endedStepNumbers(long runId) {
        return store.steps(runId).stream().map(StepSummary::stepNumber).toList();
    }

    /**
     * The completed cycles in order, then the cycle in progress; with a battery run's capacity
     * retention against {@code reference} and the fade so far (the least-squares slope over the
     * rated cycles up to each one).
     *
     * @throws InvalidRequestException when the reference needs more cycles than have a discharge
     */
    public List<CycleReport> cycles(long runId, RetentionReference reference) {
        runs.find(runId);
        Optional<EngineState> live = liveState(runId);
        List<CycleSummary> cycles = new ArrayList<>(store.cycles(runId));
        int complete = cycles.size();
        live.filter(s -> s.state().occupiesChannel() && s.cycleSoFar().hasSteps())
                .ifPresent(s -> cycles.add(s.cycleSoFar()));
        return reports(cycles, complete, reference);
    }

    /**
     * The reports of stored cycles (the first {@code complete} complete, any after in progress), wherever they
     * were read from: the lab instance reports a central run's cycles with this very code.
     */
    public static List<CycleReport> reports(List<CycleSummary> cycles, int complete, RetentionReference reference) {
        CapacityRetention retention = retention(cycles, reference);
        List<CycleReport> reports = new ArrayList<>(cycles.size());
        List<Double> ratedCycles = new ArrayList<>();
        List<Double> ratedPercents = new ArrayList<>();
        for (int i = 0; i < cycles.size(); i++) {
            CycleSummary cycle = cycles.get(i);
            Double percent = null;
            Double fade = null;
            if (retention != null && cycle.dischargeCapacityCoulombs() != null) {
                percent = 100.0 * cycle.dischargeCapacityCoulombs() / retention.referenceDischargeCapacityCoulombs();
                ratedCycles.add((double) cycle.cycle());
                ratedPercents.add(percent);
                fade = ratedCycles.size() < 2 ? null : -LinearFit.of(toArray(ratedCycles), toArray(ratedPercents))
                        .slope();
            }
            reports.add(new CycleReport(cycle, i < complete, percent, fade));
        }
        return reports;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static CapacityRetention retention(List<CycleSummary> cycles, RetentionReference reference) {
        long rated = cycles.stream().filter(c -> c.dischargeCapacityCoulombs() != null).count();
        if (rated == 0) {
            return null;
        }
        try {
            return CapacityRetention.of(cycles, reference);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("retention", "retention: " + e.getMessage()
                    + "; use retention=first or retention=median-of-first-k with k at most " + rated);
        }
    }

    /** The live engine state of an active run, after what its runner handed over has been stored. */
    private Optional<EngineState> liveState(long runId) {
        Optional<ChannelRunner> runner = channels.runnerOf(runId);
        runner.ifPresent(r -> r.flushed(FLUSH_MILLIS));
        return runner.map(r -> r.status().engine());
    }
}
