package org.no3rr.station.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.no3rr.station.config.StationConfig;

/**
 * The live stream as SSE events for one client: the event's kind as the SSE event name, its record
 * as JSON data (the station's mapper, so NaN is null), and the client's sequence number as the id.
 * Back-pressure: drop-oldest per client with a counter ({@link ClientFeed}); nothing here can slow a
 * runner down. Every {@code station.stream-heartbeat} a {@code heartbeat} event without an id (so it
 * leaves the numbering alone) carries the time and the interval: the page treats a stream silent for
 * three intervals as dead, and a write to a client that is gone ends its feed.
 */
@ApplicationScoped
public class LiveStream {

    @Inject
    LiveEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    StationConfig config;

    /** @param channel one channel's events only, or null for all */
    public Multi<OutboundSseEvent> events(String channel, Sse sse) {
        Multi<OutboundSseEvent> live = events.subscribe(channel).map(numbered -> sse.newEventBuilder()
                .id(Long.toString(numbered.id()))
                .name(numbered.event().name())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, toJson(numbered.event()))
                .build());
        Duration every = config.streamHeartbeat();
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(every).onOverflow().drop()
                .map(tick -> sse.newEventBuilder()
                        .name("heartbeat")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(String.class, "{\"epochMillis\":" + System.currentTimeMillis()
                                + ",\"everyMs\":" + every.toMillis() + "}")
                        .build());
        return Multi.createBy().merging().streams(live, heartbeats);
    }

    private String toJson(LiveEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write live event " + event, e);
        }
    }
}
