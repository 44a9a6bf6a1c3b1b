package org.no3rr.station.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.battery.PolarizationCurve;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.SampleStore;

import java.util.List;
import java.util.Optional;

/** The polarization curve of a run: its latest Polarize step, from the stored samples. */
@ApplicationScoped
public class PolarizationService {

    /** The engine's step type of a Polarize step's samples. */
    @Inject
    RunService runs;

    @Inject
    CellDocuments cells;

    @Inject
    SampleStore samples;

    /** @throws ConflictException when the run has no Polarize samples yet, or only one level */
    public PolarizationCurve curve(long runId) {
        RunRecord run = runs.find(runId);
        CellMetadata cell = cells.read(run.cellJson());
        List<Step> steps = ProtocolParser.parse(run.protocolText()).steps();
        Latest latest = new Latest();
        samples.forEachSample(runId, sample -> {
            if (sample.stepKind() != StepKind.POLARIZATION) {
                return;
            }
            if (sample.stepNumber() != latest.stepNumber) {
                Step.Polarize step = polarizeAt(steps, sample.stepLine()).orElseThrow(() -> new ConflictException(
                        "run " + runId + " recorded polarization samples at protocol step " + sample.stepLine()
                                + ", which is not a Polarize step; its data cannot form a curve"));
                latest.stepNumber = sample.stepNumber();
                latest.levels = new PolarizationLevels(step.from().toAmps(cell), step.increment().toAmps(cell),
                        cell.areaCm2());
            }
            latest.levels.add(sample.voltage(), sample.current());
        });
        if (latest.levels == null) {
            throw new ConflictException("run " + runId + " has no polarization data yet");
        }
        if (latest.levels.levelCount() < 2) {
            throw new ConflictException("run " + runId + " has only one polarization level yet; a curve needs two");
        }
        return latest.levels.curve();
    }

    private static Optional<Step.Polarize> polarizeAt(List<Step> steps, int line) {
        for (Step step : steps) {
            if (step instanceof Step.Polarize polarize && step.line() == line) {
                return Optional.of(polarize);
            }
            if (step instanceof Step.Repeat repeat) {
                Optional<Step.Polarize> inside = polarizeAt(repeat.steps(), line);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    private static final class Latest {
        private int stepNumber = -1;
        private PolarizationLevels levels;
    }
}
