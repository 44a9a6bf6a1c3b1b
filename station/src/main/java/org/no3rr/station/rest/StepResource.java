package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.no3rr.station.service.CellDocuments;
import org.no3rr.station.service.RunService;
import org.no3rr.station.service.SummaryService;

import java.util.List;

/** The steps of a run, as the engine summarised them when each ended. */
@Path("/api/runs/{id}/steps")
public class StepResource {

    @Inject
    SummaryService summaries;

    @Inject
    RunService runs;

    @Inject
    CellDocuments cells;

    /** Ended steps in order — including one that has just ended at a prompt — then the step in progress. */
    @GET
    public List<StepSummaryView> steps(@PathParam("id") long id) {
        double areaCm2 = cells.read(runs.find(id).cellJson()).areaCm2();
        return summaries.steps(id).stream().map(step -> StepSummaryView.of(step, areaCm2)).toList();
    }
}
