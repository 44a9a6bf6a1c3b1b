package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.no3rr.station.service.CellDocuments;
import org.no3rr.station.service.RunMetricsService;
import org.no3rr.station.service.RunService;

import java.util.List;

/** The completed steps of a run, summarised. */
@Path("/api/runs/{id}/steps")
public class StepResource {

    @Inject
    RunMetricsService metrics;

    @Inject
    RunService runs;

    @Inject
    CellDocuments cells;

    /** Completed steps in order; the step in progress is not among them. */
    @GET
    public List<StepSummaryView> steps(@PathParam("id") long id) {
        double areaCm2 = cells.read(runs.find(id).cellJson()).areaCm2();
        return metrics.completedSteps(id).stream().map(step -> StepSummaryView.of(step, areaCm2)).toList();
    }
}
