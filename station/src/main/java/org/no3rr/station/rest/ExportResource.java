package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.station.export.ExportFormat;
import org.no3rr.station.export.RunExporter;
import org.no3rr.station.results.pack.PaperPack;
import org.no3rr.station.service.RunService;
import org.no3rr.station.store.RunRecord;

/**
 * Downloads of a run's data ({@code format=csv|bdf|json|cycles|pack}, default csv; the cycle export
 * takes the same {@code retention} reference as {@code /cycles}; {@code pack} is the paper pack, a ZIP
 * of everything with figures and a methods paragraph), streamed in constant memory whatever the run's
 * size; the file name comes with the response.
 */
@Path("/api/runs/{id}/export")
public class ExportResource {

    @Inject
    RunService runs;

    @Inject
    RunExporter exporter;

    @Inject
    PaperPack pack;

    @GET
    public Response export(@PathParam("id") long id, @QueryParam("format") String format,
                           @QueryParam("retention") String retention) {
        RunRecord run = runs.find(id);
        ExportFormat chosen = ExportFormat.parse(format);
        RetentionReference reference = RetentionParameter.parse(retention);
        Object body = chosen == ExportFormat.PACK ? pack.run(run, reference) : exporter.body(run, chosen, reference);
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + chosen.fileName(id) + "\"")
                .build();
    }
}
