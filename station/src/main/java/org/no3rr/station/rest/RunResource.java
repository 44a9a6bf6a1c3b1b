package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.channel.LiveStatus;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.service.CellDocuments;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.RunService;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;

import java.net.URI;
import java.util.List;

/** Runs: start one, follow it, control it. Only mapping and status codes here; the work is in {@link RunService}. */
@Path("/api/runs")
public class RunResource {

    @Inject
    RunService runs;

    @Inject
    ChannelManager channels;

    @Inject
    CellDocuments cells;

    @Inject
    StationIdentity station;

    @POST
    public Response start(CreateRunRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"channel\": \"ch1\", "
                    + "\"protocol\": \"Rest for 10 min\", \"cell\": {\"areaCm2\": 1.0}}");
        }
        request.checked();
        RunRecord run = runs.start(request.channel(), request.protocol(), request.cell(), request.notes(),
                Boolean.TRUE.equals(request.queue()));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(run.id())).build();
        return Response.created(location).entity(view(run)).build();
    }

    @GET
    public List<RunView> list() {
        return runs.list().stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    public RunView get(@PathParam("id") long id) {
        return view(runs.find(id));
    }

    @GET
    @Path("{id}/events")
    public List<RunEvent> events(@PathParam("id") long id) {
        return runs.events(id);
    }

    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") long id) {
        runs.stop(id);
        return Response.accepted(view(runs.find(id))).build();
    }

    @POST
    @Path("{id}/pause")
    public Response pause(@PathParam("id") long id) {
        runs.pause(id);
        return Response.accepted(view(runs.find(id))).build();
    }

    @POST
    @Path("{id}/resume")
    public Response resume(@PathParam("id") long id) {
        runs.resume(id);
        return Response.accepted(view(runs.find(id))).build();
    }

    @POST
    @Path("{id}/answer")
    public Response answer(@PathParam("id") long id, AnswerRequest request) {
        runs.answer(id, request == null ? null : request.checked().answer());
        return Response.accepted(view(runs.find(id))).build();
    }

    private RunView view(RunRecord run) {
        LiveStatus live = channels.lastStatus(run.channelId()).orElse(null);
        return RunView.of(run, live, cells.document(run.cellJson()), station.stationId());
    }
}
