package org.no3rr.station.lab.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.no3rr.engine.EngineState;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.Measurement;
import org.no3rr.station.channel.LiveStatus;
import org.no3rr.station.hardware.StationChannel;

import java.util.List;

/**
 * The JSON of the station's MQTT topics (docs/lab.md): SI units with the unit in the field name, times as
 * seconds since the epoch with millisecond decimals, absent values null (the station's mapper writes NaN as
 * null). Field order is the records' order.
 */
final class LabPayloads {

    record Status(String stationId, String state, String version, String pageUrl, List<String> channels,
                  double unixTimeS) {
    }

    /** Offline: the Last Will (no time: the broker sends it when the station is gone) or a clean shutdown. */
    record Offline(String stationId, String state, Double unixTimeS) {
    }

    record Channel(String stationId, String channelId, String cellKind, String state, Long runId, String globalRunId,
                   Integer stepNumber, Integer stepLine, String stepKind, String stepText, Integer cycle,
                   Double stepTimeS, Double testTimeS, String prompt, LastReading lastReading, double unixTimeS) {
    }

    record LastReading(double unixTimeS, double voltageV, double currentA, Double wePotentialV,
                       double temperatureC) {
    }

    static final String ONLINE = "online";
    static final String OFFLINE = "offline";
    static final String IDLE = "IDLE";

    private final ObjectMapper json;
    private final String stationId;

    LabPayloads(ObjectMapper json, String stationId) {
        this.json = json;
        this.stationId = stationId;
    }

    String online(String version, String pageUrl, List<String> channels, long nowMillis) {
        return write(new Status(stationId, ONLINE, version, pageUrl, channels, seconds(nowMillis)));
    }

    /** @param nowMillis the time of a clean shutdown, or null for the Last Will */
    String offline(Long nowMillis) {
        return write(new Offline(stationId, OFFLINE, nowMillis == null ? null : seconds(nowMillis)));
    }

    /**
     * @param live         the channel's latest run's status, or null if it never ran since the station started
     * @param globalRunId  that run's global identity, or null
     * @param originMillis that run's test-time origin (its start)
     */
    String channel(StationChannel channel, LiveStatus live, String globalRunId, long originMillis, long nowMillis) {
        String kind = cellKind(channel.hardware().cellKind());
        if (live == null) {
            return write(new Channel(stationId, channel.id(), kind, IDLE, null, null, null, null, null, null, null,
                    null, null, null, null, seconds(nowMillis)));
        }
        EngineState e = live.inStep() ? live.engine() : null;
        Measurement m = live.lastMeasurement();
        LastReading last = m == null ? null : new LastReading(seconds(m.epochMillis()), m.voltage(), m.current(),
                m.hasWorkingElectrodePotential() ? m.workingElectrodePotential() : null, m.temperature());
        return write(new Channel(stationId, channel.id(), kind, live.state().name(), live.runId(), globalRunId,
                e == null ? null : e.stepNumber(), e == null ? null : e.stepLine(),
                e == null || e.stepKind() == null ? null : e.stepKind().wireName(), e == null ? null : e.stepText(),
                live.engine() == null ? null : live.engine().cycle(),
                e == null ? null : e.stepElapsedMillis() / 1000.0,
                m == null ? null : (m.epochMillis() - originMillis) / 1000.0,
                live.prompt(), last, seconds(nowMillis)));
    }

    String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an MQTT payload " + payload, e);
        }
    }

    /** The cell kind as configured in {@code station.channels}. */
    static String cellKind(CellKind kind) {
        return switch (kind) {
            case ZN_NITRATE_BATTERY -> "zn-nitrate-battery";
            case H_CELL_ELECTROLYSIS -> "h-cell";
        };
    }

    private static double seconds(long epochMillis) {
        return epochMillis / 1000.0;
    }
}
