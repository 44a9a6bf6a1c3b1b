package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.no3rr.station.service.RunMetricsService;

import java.util.ArrayList;
import java.util.List;

/** Per-cycle metrics of a run, while it goes and after. */
@Path("/api/runs/{id}/cycles")
public class CycleResource {

    @Inject
    RunMetricsService metrics;

    /** Completed cycles in order, then the cycle in progress (with {@code complete: false}) if the run goes on. */
    @GET
    public List<CycleView> cycles(@PathParam("id") long id) {
        RunMetricsService.CycleReport report = metrics.cycles(id);
        List<CycleView> views = new ArrayList<>(report.completed().size() + 1);
        report.completed().forEach(cycle -> views.add(new CycleView(true, cycle)));
        if (report.inProgress() != null) {
            views.add(new CycleView(false, report.inProgress()));
        }
        return views;
    }
}
