package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.no3rr.station.service.ReadingService;

import java.util.List;

/** The sample readings of a run, each with the Faradaic efficiency and yield it gives for its step. */
@Path("/api/runs/{id}/readings")
public class ReadingResource {

    @Inject
    ReadingService readings;

    @POST
    public Response add(@PathParam("id") long runId, ReadingService.Reading reading) {
        return Response.status(201).entity(readings.add(runId, reading == null ? null : reading.checked())).build();
    }

    @GET
    public List<ReadingService.Result> list(@PathParam("id") long runId) {
        return readings.list(runId);
    }
}
