package org.no3rr.station.lab.instance;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.downsample.ChartPoint;
import org.no3rr.station.downsample.LttbSelector;
import org.no3rr.station.downsample.SampleChart;
import org.no3rr.station.downsample.SampleQuery;
import org.no3rr.station.export.ExportFormat;
import org.no3rr.station.export.RunExporter;
import org.no3rr.station.export.TestTime;
import org.no3rr.station.lab.central.CentralReader;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.rest.CycleView;
import org.no3rr.station.rest.RetentionParameter;
import org.no3rr.station.rest.RunView;
import org.no3rr.station.rest.StepSummaryView;
import org.no3rr.station.service.CellDocuments;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.NotFoundException;
import org.no3rr.station.service.SummaryService;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.StoredSample;

import java.util.ArrayList;
import java.util.List;

/**
 * The lab instance's runs, read from the central PostgreSQL: {@code /api/lab/runs/<station>/<run>/…} answers
 * in the very shapes of a station's {@code /api/runs/<run>/…} (run, steps, cycles, events, samples, export),
 * so one page reads either. Served only with {@code station.role=lab}; on a station these routes are 404.
 */
@Path("/api/lab/runs")
public class LabRunResource {

    @Inject
    StationConfig station;

    @Inject
    CentralReader central;

    @Inject
    CellDocuments cells;

    @Inject
    RunExporter exporter;

    /** A run in the lab's list: where it ran, its global id ({@code <station>/<run>}), where it is. */
    public record LabRunView(String stationId, long runId, String globalRunId, String channel, String state,
                             long createdMs, Long startedMs, Long endedMs, long samplesStored) {
    }

    @GET
    public List<LabRunView> runs() {
        requireLab();
        return central.runs().stream().map(r -> new LabRunView(r.stationId(), r.runId(), StationIdentity.globalRunId(r.stationId(), r.runId()),
                r.channelId(), r.state(), r.createdMs(), r.startedMs(), r.endedMs(), r.samplesStored())).toList();
    }

    @GET
    @Path("{station}/{run}")
    public RunView run(@PathParam("station") String stationId, @PathParam("run") long runId) {
        RunRecord run = find(stationId, runId);
        return RunView.of(run, null, cells.document(run.cellJson()), stationId);
    }

    /** The ended steps, as the station stored them (a step in progress is on the station's own page). */
    @GET
    @Path("{station}/{run}/steps")
    public List<StepSummaryView> steps(@PathParam("station") String stationId, @PathParam("run") long runId) {
        double areaCm2 = cells.read(find(stationId, runId).cellJson()).areaCm2();
        return central.steps(stationId, runId).stream()
                .map(step -> StepSummaryView.of(new SummaryService.StepReport(step, true), areaCm2)).toList();
    }

    @GET
    @Path("{station}/{run}/cycles")
    public List<CycleView> cycles(@PathParam("station") String stationId, @PathParam("run") long runId,
                                  @QueryParam("retention") String retention) {
        CellMetadata cell = cells.read(find(stationId, runId).cellJson());
        List<CycleSummary> cycles = central.cycles(stationId, runId);
        return SummaryService.reports(cycles, cycles.size(), RetentionParameter.parse(retention)).stream()
                .map(report -> CycleView.of(report, cell)).toList();
    }

    @GET
    @Path("{station}/{run}/events")
    public List<RunEvent> events(@PathParam("station") String stationId, @PathParam("run") long runId) {
        find(stationId, runId);
        return central.events(stationId, runId);
    }

    /** As {@code /api/runs/<run>/samples}: the window's samples reduced to at most {@code maxPoints} by LTTB. */
    @GET
    @Path("{station}/{run}/samples")
    public SampleChart samples(@PathParam("station") String stationId, @PathParam("run") long runId,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("maxPoints") String maxPoints) {
        SampleQuery query = SampleQuery.parse(from, to, maxPoints);
        RunRecord run = find(stationId, runId);
        long origin = TestTime.originMillis(run);
        long fromMs = query.fromEpochMillis(origin);
        long toMs = query.toEpochMillis(origin);
        long count = central.countBetween(stationId, runId, fromMs, toMs);
        List<ChartPoint> points = new ArrayList<>((int) Math.min(count, query.maxPoints()));
        LttbSelector<StoredSample> selector = new LttbSelector<>(count, query.maxPoints(),
                (index, sample) -> points.add(ChartPoint.of(sample, origin)));
        central.forEachSampleBetween(stationId, runId, fromMs, toMs, s -> selector.add(s.epochMillis(), s.voltage(), s));
        return new SampleChart(runId, query.fromS(), query.toS(), query.maxPoints(), count, points);
    }

    /** The station's own export writers over the central copy: the same file the station would give. */
    @GET
    @Path("{station}/{run}/export")
    public Response export(@PathParam("station") String stationId, @PathParam("run") long runId,
                           @QueryParam("format") String format, @QueryParam("retention") String retention) {
        RunRecord run = find(stationId, runId);
        ExportFormat chosen = ExportFormat.parse(format);
        return Response.ok(exporter.body(central.data(stationId), stationId, run, chosen, RetentionParameter.parse(retention)),
                        chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + stationId + "-" + chosen.fileName(runId) + "\"")
                .build();
    }

    private RunRecord find(String stationId, long runId) {
        requireLab();
        try {
            StationIdentity.checked(stationId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("station", e.getMessage().replace("station.id", "station"));
        }
        return central.run(stationId, runId);
    }

    private void requireLab() {
        if (station.role() != StationConfig.Role.LAB) {
            throw new NotFoundException("the lab's runs are served by the lab instance (station.role=lab); "
                    + "this is a station: its runs are under /api/runs");
        }
    }
}
