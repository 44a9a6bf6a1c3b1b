package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.no3rr.cell.CellMetadata;
import org.no3rr.station.service.CellDocuments;
import org.no3rr.station.service.RunService;
import org.no3rr.station.service.SummaryService;

import java.util.List;

/** Per-cycle metrics of a run, while it goes and after, as the engine stored them. */
@Path("/api/runs/{id}/cycles")
public class CycleResource {

    @Inject
    SummaryService summaries;

    @Inject
    RunService runs;

    @Inject
    CellDocuments cells;

    /**
     * Completed cycles in order, then the cycle in progress ({@code complete: false}) if the run goes
     * on; retention against {@code retention=first} (the default) or {@code median-of-first-k}.
     */
    @GET
    public List<CycleView> cycles(@PathParam("id") long id, @QueryParam("retention") String retention) {
        CellMetadata cell = cells.read(runs.find(id).cellJson());
        return summaries.cycles(id, RetentionParameter.parse(retention)).stream()
                .map(report -> CycleView.of(report, cell)).toList();
    }
}
