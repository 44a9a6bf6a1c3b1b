package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.no3rr.station.channel.ChannelManager;

import java.util.List;

/** The station's channels, in configuration order. */
@Path("/api/channels")
public class ChannelResource {

    @Inject
    ChannelManager channels;

    @GET
    public List<ChannelView> list() {
        return channels.channels().stream()
                .map(channel -> ChannelView.of(channel, channels.lastStatus(channel.id()).orElse(null)))
                .toList();
    }
}
