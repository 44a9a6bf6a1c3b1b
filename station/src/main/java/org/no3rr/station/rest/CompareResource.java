package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.no3rr.station.results.ComparisonService;
import org.no3rr.station.results.FigureKind;
import org.no3rr.station.results.FigureOptions;
import org.no3rr.station.results.pack.PaperPack;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.NotFoundException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several runs in one figure, addressed by URL so a comparison can be bookmarked and shared:
 * {@code /api/compare?runs=3,7,9&figure=fe-vs-potential} (JSON, {@code format=csv} or {@code png}),
 * and their paper packs with the shared figures in one ZIP, {@code /api/compare/pack?runs=3,7,9}.
 */
@Path("/api/compare")
public class CompareResource {

    @Inject
    ComparisonService comparisons;

    @Inject
    PaperPack pack;

    @GET
    public Response compare(@QueryParam("runs") String runs, @QueryParam("figure") String figure,
                            @BeanParam FigureQuery query) {
        List<Long> ids = ComparisonService.parseRuns(runs);
        FigureKind kind = figure(figure);
        FigureQuery.FigureFormat format = query.format();
        FigureOptions options = query.options();
        return FigureResponses.of(comparisons.compare(ids, kind, options), format, options.widthMm(),
                "compare-" + ids.stream().map(String::valueOf).collect(Collectors.joining("-")) + "-" + kind.id());
    }

    @GET
    @Path("pack")
    public Response pack(@QueryParam("runs") String runs) {
        List<Long> ids = ComparisonService.parseRuns(runs);
        String name = "compare-" + ids.stream().map(String::valueOf).collect(Collectors.joining("-")) + "-pack.zip";
        return Response.ok(pack.comparison(comparisons.records(ids)), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static FigureKind figure(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidRequestException("figure", "figure is required, one of " + FigureKind.allIds());
        }
        try {
            return FigureKind.byId(id);
        } catch (NotFoundException e) {
            throw new InvalidRequestException("figure", "figure '" + id + "' does not exist; figures: "
                    + FigureKind.allIds());
        }
    }
}
