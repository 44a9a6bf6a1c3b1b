package org.no3rr.station.lab.mqtt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The station's live status over MQTT, under {@code station.lab.mqtt.*} (docs/lab.md). Off while {@code url} is unset. */
@ConfigMapping(prefix = "station.lab.mqtt")
public interface LabMqttConfig {

    /** The broker, {@code tcp://host:port} (port 1883 when omitted) or {@code ssl://host:port} (8883); unset: no MQTT at all. */
    Optional<String> url();

    /** The broker's user name, if it asks for one. */
    Optional<String> username();

    /** That user's password; never logged, never published. */
    Optional<String> password();

    /** Events kept while the broker is unreachable; beyond this the oldest are dropped and counted. */
    @WithDefault("1000")
    int eventQueue();

    /** The first wait before connecting again after the broker is lost; doubles up to {@link #reconnectMax()}. */
    @WithDefault("1s")
    Duration reconnectMin();

    /** The longest wait between two connection attempts. */
    @WithDefault("30s")
    Duration reconnectMax();
}
