package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.no3rr.station.downsample.SampleChart;
import org.no3rr.station.downsample.SampleDownsampler;
import org.no3rr.station.downsample.SampleQuery;

/**
 * A run's samples for a chart: {@code from} and {@code to} are test times in seconds (optional),
 * {@code maxPoints} (10–20000, default 2000) the most points returned, chosen by LTTB.
 */
@Path("/api/runs/{id}/samples")
public class SampleResource {

    @Inject
    SampleDownsampler downsampler;

    @GET
    public SampleChart samples(@PathParam("id") long id, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("maxPoints") String maxPoints) {
        return downsampler.chart(id, SampleQuery.parse(from, to, maxPoints));
    }
}
