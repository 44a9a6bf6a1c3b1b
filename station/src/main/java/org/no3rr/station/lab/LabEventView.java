package org.no3rr.station.lab;

import org.no3rr.station.lab.identity.StationIdentity;

/**
 * A run's event as the lab shows it: the payload of MQTT's {@code no3rr/<station-id>/events} topic and the
 * common fields of every notification. Times in seconds since the epoch with millisecond decimals;
 * {@code runUrl} is null when no page address is configured.
 */
public record LabEventView(String stationId, String channelId, long runId, String globalRunId, LabEventType type,
                           String message, double unixTimeS, String runUrl) {

    public static LabEventView of(LabEvent event, StationIdentity station, RunLinks links) {
        return new LabEventView(station.stationId(), event.channelId(), event.runId(),
                station.globalRunId(event.runId()), event.type(), event.message(), event.epochMillis() / 1000.0,
                links.runUrl(event.runId()));
    }
}
