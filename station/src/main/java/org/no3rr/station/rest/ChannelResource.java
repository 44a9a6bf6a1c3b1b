package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.service.FreshCellService;

import java.util.List;

/** The station's channels, in configuration order. */
@Path("/api/channels")
public class ChannelResource {

    @Inject
    ChannelManager channels;

    @Inject
    FreshCellService freshCells;

    /** What {@code POST /api/channels/{id}/fresh-cell} did. */
    public record FreshCell(String channel, String model, String message) {
    }

    @GET
    public List<ChannelView> list() {
        return channels.channels().stream()
                .map(channel -> ChannelView.of(channel, channels.lastStatus(channel.id()).orElse(null)))
                .toList();
    }

    /** Simulator only: a fresh cell of the same make on an idle channel; the next run starts on it. */
    @POST
    @Path("/{id}/fresh-cell")
    public FreshCell freshCell(@PathParam("id") String id) {
        String model = freshCells.mount(id);
        return new FreshCell(id, model, "a fresh cell is mounted on " + id + "; the next run starts on it");
    }
}
