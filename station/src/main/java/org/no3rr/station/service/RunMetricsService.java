package org.no3rr.station.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.battery.CycleSummary;
import org.no3rr.metrics.battery.RunMetricsAccumulator;
import org.no3rr.metrics.battery.RunMetricsListener;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.SampleStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-step and per-cycle metrics of a run, computed from its <em>stored</em> samples only, so they
 * always equal a recomputation from the database — during a run, after it, and after a crash.
 *
 * <p>Each run keeps an accumulator that has consumed its samples up to some sequence number; a
 * request feeds it only the samples stored since, so following a long run costs little. The
 * accumulators of the most recently asked-for runs are kept; others are rebuilt when asked for.
 */
@ApplicationScoped
public class RunMetricsService {

    private static final int CACHED_RUNS = 16;

    @Inject
    SampleStore samples;

    @Inject
    RunService runs;

    @Inject
    CellDocuments cells;

    private final Map<Long, RunMetrics> cache = new LinkedHashMap<>(CACHED_RUNS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RunMetrics> eldest) {
            return size() > CACHED_RUNS;
        }
    };

    /** The completed cycles, in order, and then the cycle in progress, if a run is still going. */
    public CycleReport cycles(long runId) {
        RunMetrics metrics = upToDate(runId);
        synchronized (metrics) {
            return new CycleReport(List.copyOf(metrics.cycles),
                    metrics.accumulator.inProgressCycle().orElse(null));
        }
    }

    /** The completed steps of a run, in order; the step in progress is not among them. */
    public List<StepSummary> completedSteps(long runId) {
        RunMetrics metrics = upToDate(runId);
        synchronized (metrics) {
            return List.copyOf(metrics.steps);
        }
    }

    private RunMetrics upToDate(long runId) {
        RunRecord run = runs.find(runId);
        RunMetrics metrics;
        synchronized (cache) {
            metrics = cache.computeIfAbsent(runId, id -> new RunMetrics(cells.read(run.cellJson())));
        }
        synchronized (metrics) {
            samples.forEachSampleAfter(runId, metrics.lastSeq, sample -> {
                metrics.accumulator.add(sample.cycle(), sample.stepNumber(), sample.epochMillis(), sample.voltage(),
                        sample.current());
                metrics.lastSeq = sample.seq();
            });
            if (run.state().isFinal() && !metrics.finished) {
                // A final run has stored all its samples (the runner waits for them): close its last step and cycle.
                metrics.accumulator.finish();
                metrics.finished = true;
            }
        }
        return metrics;
    }

    /**
     * @param completed  cycles that a later cycle has followed, or all cycles once the run has ended
     * @param inProgress the last cycle, whose summary may still grow; null before the first sample
     */
    public record CycleReport(List<CycleSummary> completed, CycleSummary inProgress) {
    }

    private static final class RunMetrics {
        private final List<CycleSummary> cycles = new ArrayList<>();
        private final List<StepSummary> steps = new ArrayList<>();
        private final RunMetricsAccumulator accumulator;
        private long lastSeq;
        private boolean finished;

        private RunMetrics(CellMetadata cell) {
            this.accumulator = new RunMetricsAccumulator(cell, new RunMetricsListener() {
                @Override
                public void stepCompleted(StepSummary step) {
                    steps.add(step);
                }

                @Override
                public void cycleCompleted(CycleSummary cycle) {
                    cycles.add(cycle);
                }
            });
        }
    }
}
