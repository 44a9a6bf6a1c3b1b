package org.no3rr.station.lab.mqtt;

/** The station's topics (docs/lab.md, "MQTT topics"): everything under {@code no3rr/<station-id>/}. */
final class MqttTopics {

    private final String root;

    MqttTopics(String stationId) {
        this.root = "no3rr/" + stationId + "/";
    }

    /** Retained: online with what the station is, or offline (its Last Will, or said at a clean shutdown). */
    String status() {
        return root + "status";
    }

    /** Retained: a channel's state, run, step and last reading. */
    String channel(String channelId) {
        return root + "channels/" + channelId;
    }

    /** Not retained: the runs' events as they happen. */
    String events() {
        return root + "events";
    }
}
