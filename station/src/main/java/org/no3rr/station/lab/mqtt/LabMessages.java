package org.no3rr.station.lab.mqtt;

import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.channel.LiveStatus;
import org.no3rr.station.export.TestTime;
import org.no3rr.station.hardware.StationChannel;
import org.no3rr.station.lab.LabEvent;
import org.no3rr.station.lab.LabEventView;
import org.no3rr.station.lab.RunLinks;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.store.RunStore;

import java.util.HashMap;
import java.util.Map;

/**
 * What the station says on its MQTT topics, gathered from its state and written by {@link LabPayloads}:
 * the status (online, offline, the Last Will), a channel's latest status and an event. Used on the
 * publisher's thread only.
 */
final class LabMessages {

    private final LabPayloads payloads;
    private final StationIdentity station;
    private final RunLinks links;
    private final ChannelManager channels;
    private final RunStore runs;
    private final String version;
    private final Map<Long, Long> testTimeOrigins = new HashMap<>();

    LabMessages(LabPayloads payloads, StationIdentity station, RunLinks links, ChannelManager channels, RunStore runs,
                String version) {
        this.payloads = payloads;
        this.station = station;
        this.links = links;
        this.channels = channels;
        this.runs = runs;
        this.version = version;
    }

    /** The status once connected: what the station is and which channels it has. */
    String online(long nowMillis) {
        return payloads.online(version, links.labPageUrl(),
                channels.channels().stream().map(StationChannel::id).toList(), nowMillis);
    }

    /** @param nowMillis the time of a clean shutdown, or null for the Last Will */
    String offline(Long nowMillis) {
        return payloads.offline(nowMillis);
    }

    /** The channel's topic: the latest status of the run it is on, or was last on. */
    String channel(StationChannel channel, long nowMillis) {
        LiveStatus live = channels.lastStatus(channel.id()).orElse(null);
        String globalRunId = live == null ? null : station.globalRunId(live.runId());
        long origin = live == null ? 0 : testTimeOrigin(live.runId());
        return payloads.channel(channel, live, globalRunId, origin, nowMillis);
    }

    String event(LabEvent event) {
        return payloads.write(LabEventView.of(event, station, links));
    }

    private long testTimeOrigin(long runId) {
        return testTimeOrigins.computeIfAbsent(runId, id -> runs.find(id).map(TestTime::originMillis).orElse(0L));
    }
}
