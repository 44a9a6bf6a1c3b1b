package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.no3rr.station.results.FigureKind;
import org.no3rr.station.results.FigureOptions;
import org.no3rr.station.results.FigureService;

import java.util.List;

/**
 * A run's figures (docs/results.md): which ones its protocol supports, and each as the exact points
 * drawn (JSON), a CSV of those points with units in the headers, or a 300 dpi PNG. A figure whose
 * data is not there yet (no reading, no ended step) is a 409 that says what is missing.
 */
@Path("/api/runs/{id}/figures")
public class FigureResource {

    @Inject
    FigureService figures;

    @GET
    public List<FigureService.Available> available(@PathParam("id") long id) {
        return figures.available(id);
    }

    @GET
    @Path("{figure}")
    public Response figure(@PathParam("id") long id, @PathParam("figure") String figure, @BeanParam FigureQuery query) {
        FigureKind kind = FigureKind.byId(figure);
        FigureQuery.FigureFormat format = query.format();
        FigureOptions options = query.options();
        return FigureResponses.of(figures.figure(id, kind, options), format, options.widthMm(),
                "run-" + id + "-" + kind.id());
    }
}
