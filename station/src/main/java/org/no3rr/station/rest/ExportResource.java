package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.no3rr.station.export.ExportFormat;
import org.no3rr.station.export.RunExporter;
import org.no3rr.station.service.RunService;
import org.no3rr.station.store.RunRecord;

/**
 * Downloads of a run's data ({@code format=csv|bdf|json|cycles}, default csv; the cycle export takes
 * the same {@code retention} reference as {@code /cycles}), streamed in constant memory whatever the
 * run's size; the file name comes with the response.
 */
@Path("/api/runs/{id}/export")
public class ExportResource {

    @Inject
    RunService runs;

    @Inject
    RunExporter exporter;

    @GET
    public Response export(@PathParam("id") long id, @QueryParam("format") String format,
                           @QueryParam("retention") String retention) {
        RunRecord run = runs.find(id);
        ExportFormat chosen = ExportFormat.parse(format);
        return Response.ok(exporter.body(run, chosen, RetentionParameter.parse(retention)), chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + chosen.fileName(id) + "\"")
                .build();
    }
}
