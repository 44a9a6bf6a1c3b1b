package org.no3rr.station.rest;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.stream.LiveStream;


/**
 * The live stream as Server-Sent Events: {@code sample}, {@code step}, {@code prompt},
 * {@code state} and {@code alarm} events with JSON data, of every channel or of
 * {@code ?channel=ch1} only. Event ids number the events of this connection; a gap means the
 * client read too slowly and missed that many (see {@link LiveStream}).
 */
@Path("/api/stream")
public class StreamResource {

    @Inject
    LiveStream stream;

    @Inject
    ChannelManager channels;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@QueryParam("channel") String channel, @Context Sse sse) {
        if (channel != null && channels.channel(channel).isEmpty()) {
            throw new InvalidRequestException("channel", channels.noSuchChannel(channel) + ", or leave channel out for all");
        }
        return stream.events(channel, sse);
    }
}
