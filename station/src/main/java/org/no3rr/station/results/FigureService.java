package org.no3rr.station.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.station.service.CellDocuments;
import org.no3rr.station.service.NotFoundException;
import org.no3rr.station.service.RunService;
import org.no3rr.station.service.SummaryService;
import org.no3rr.station.store.RunRecord;

import java.util.Arrays;
import java.util.List;

/**
 * A run's figures: which ones its protocol supports, and each one's points, drawn from the numbers
 * the station already computes (docs/results.md). Nothing here integrates a sample a second time.
 */
@ApplicationScoped
public class FigureService {

    /** A figure a run supports, and where to get it. */
    public record Available(String id, String title, String href) {
    }

    @Inject
    RunService runs;

    @Inject
    CellDocuments cells;

    @Inject
    SummaryService summaries;

    @Inject
    ElectrolysisFigures electrolysis;

    @Inject
    StepCurves curves;

    @Inject
    CdlFigure cdl;

    @Inject
    BatteryFigures battery;

    /** The figures the run's protocol supports, in the order the page shows them. */
    public List<Available> available(long runId) {
        RunContents contents = RunContents.of(runs.find(runId).protocolText());
        return kinds(contents).stream().map(k -> new Available(k.id(), k.title(),
                "/api/runs/" + runId + "/figures/" + k.id())).toList();
    }

    public static List<FigureKind> kinds(RunContents contents) {
        return Arrays.stream(FigureKind.values()).filter(k -> k.appliesTo(contents)).toList();
    }

    /**
     * @throws NotFoundException       when the run's protocol has no such figure
     * @throws org.no3rr.station.service.ConflictException when its data is not there yet (no reading, no ended step)
     */
    public Figure figure(long runId, FigureKind kind, FigureOptions options) {
        RunRecord run = runs.find(runId);
        CellMetadata cell = cells.read(run.cellJson());
        return figure(run, kind, options.resolvedFor(List.of(cell)));
    }

    /** The figure of one run with options already resolved (a comparison resolves them over all its runs). */
    Figure figure(RunRecord run, FigureKind kind, FigureOptions resolved) {
        RunContents contents = RunContents.of(run.protocolText());
        if (!kind.appliesTo(contents)) {
            throw new NotFoundException("run " + run.id() + " has no figure '" + kind.id() + "': it needs "
                    + kind.needs() + "; this run's figures: " + String.join(", ",
                    kinds(contents).stream().map(FigureKind::id).toList()));
        }
        List<StepSummary> ended = summaries.steps(run.id()).stream().filter(SummaryService.StepReport::complete)
                .map(SummaryService.StepReport::summary).toList();
        FigureContext context = new FigureContext(run, cells.read(run.cellJson()), contents, ended, resolved);
        return draw(kind, context).painted();
    }

    CellMetadata cellOf(RunRecord run) {
        return cells.read(run.cellJson());
    }

    private Figure draw(FigureKind kind, FigureContext context) {
        return switch (kind) {
            case FE_VS_POTENTIAL -> electrolysis.feVsPotential(context);
            case RECYCLING -> electrolysis.recycling(context);
            case RECYCLING_CHARGE -> electrolysis.recyclingCharge(context);
            case CURRENT_VS_TIME -> curves.currentVsTime(context);
            case LSV, CV -> curves.voltammograms(context, kind);
            case CDL -> cdl.of(context);
            case VOLTAGE_VS_CAPACITY -> curves.voltageVsCapacity(context);
            case CAPACITY_VS_CYCLE -> battery.capacityVsCycle(context);
            case RATE_CAPABILITY -> battery.rateCapability(context);
            case POLARIZATION -> battery.polarization(context);
            case DQDV -> curves.differentialCapacity(context);
            case VOLTAGE_VS_TIME -> battery.voltageVsTime(context);
        };
    }
}
