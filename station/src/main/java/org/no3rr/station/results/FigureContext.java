package org.no3rr.station.results;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.store.RunRecord;

import java.util.List;
import java.util.Set;

/**
 * What every figure of one run is drawn from: the run, its cell, what its protocol contains, the
 * steps the engine has ended and stored (a step in progress is drawn once it ends), and the options
 * with every basis resolved.
 */
public record FigureContext(RunRecord run, CellMetadata cell, RunContents contents, List<StepSummary> endedSteps,
                            FigureOptions options) {

    public long runId() {
        return run.id();
    }

    public List<StepSummary> stepsOf(Set<StepKind> kinds) {
        return endedSteps.stream().filter(s -> kinds.contains(s.kind())).toList();
    }

    public List<StepSummary> stepsOf(StepKind kind) {
        return stepsOf(Set.of(kind));
    }
}
