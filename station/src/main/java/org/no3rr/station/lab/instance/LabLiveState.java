package org.no3rr.station.lab.instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the lab knows live of its stations, from their MQTT topics (docs/lab.md): each station's retained
 * status, each channel's retained state, and the last {@value #EVENTS_KEPT} events. Payloads are kept as
 * the stations sent them (the contract's shapes), with the time the lab last heard from each station, so
 * a station whose Last Will says offline — or that has gone quiet — shows when it was last seen.
 * Thread-safe: the MQTT client writes, HTTP requests read.
 */
public final class LabLiveState {

    static final int EVENTS_KEPT = 200;
    private static final String PREFIX = "no3rr/";

    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Station> stations = new TreeMap<>();
    private final Deque<JsonNode> events = new ArrayDeque<>();

    public LabLiveState(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    private static final class Station {
        JsonNode status;
        final Map<String, JsonNode> channels = new TreeMap<>();
        long lastHeardMs;
    }

    /**
     * Takes one message. An empty payload clears a retained topic; a topic outside the contract, or a
     * payload that is not a JSON object, is ignored (returns false) — one bad publisher must not blind the lab.
     */
    public synchronized boolean accept(String topic, byte[] payload) {
        String[] parts = topic.startsWith(PREFIX) ? topic.substring(PREFIX.length()).split("/", -1) : new String[0];
        boolean status = parts.length == 2 && parts[1].equals("status");
        boolean channel = parts.length == 3 && parts[1].equals("channels") && !parts[2].isEmpty();
        boolean event = parts.length == 2 && parts[1].equals("events");
        if (!(status || channel || event) || parts[0].isEmpty()) {
            return false;
        }
        JsonNode body = null;
        if (payload.length > 0) {
            try {
                body = json.readTree(payload);
            } catch (IOException e) {
                return false;
            }
            if (body == null || !body.isObject()) {
                return false;
            }
        }
        Station station = stations.computeIfAbsent(parts[0], id -> new Station());
        station.lastHeardMs = clock.millis();
        if (status) {
            station.status = body;
        } else if (channel) {
            if (body == null) {
                station.channels.remove(parts[2]);
            } else {
                station.channels.put(parts[2], body);
            }
        } else if (body != null) {
            events.addLast(body);
            while (events.size() > EVENTS_KEPT) {
                events.removeFirst();
            }
        }
        return true;
    }

    /**
     * Every station heard of, by id: {@code stationId}, {@code state} ({@code online}, {@code offline}, or
     * {@code unknown} before its status arrives), {@code lastHeardUnixTimeS}, {@code status} and
     * {@code channels} (the payloads as published).
     */
    public synchronized List<ObjectNode> stations() {
        List<ObjectNode> list = new ArrayList<>(stations.size());
        stations.forEach((id, station) -> {
            ObjectNode node = json.createObjectNode();
            node.put("stationId", id);
            node.put("state", station.status == null ? "unknown" : station.status.path("state").asText("unknown"));
            node.put("lastHeardUnixTimeS", station.lastHeardMs / 1000.0);
            node.set("status", station.status);
            node.putArray("channels").addAll(station.channels.values());
            list.add(node);
        });
        return list;
    }

    /** The last events, oldest first. */
    public synchronized List<JsonNode> events() {
        return List.copyOf(events);
    }
}
