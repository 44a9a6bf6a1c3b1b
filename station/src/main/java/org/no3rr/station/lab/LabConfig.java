package org.no3rr.station.lab;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The lab's keys under {@code station.lab.*} (docs/lab.md). Every part is off while its URL is unset. */
@ConfigMapping(prefix = "station.lab")
public interface LabConfig {

    /** The lab page a station's page links to, e.g. {@code http://lab-server:8080/lab.html}; none by default. */
    Optional<String> pageUrl();

    /** The central PostgreSQL every station replicates into and the lab instance reads. */
    Db db();

    /** The MQTT broker the stations publish their live state to and the lab instance follows. */
    Mqtt mqtt();

    interface Db {
        /** JDBC URL, e.g. {@code jdbc:postgresql://lab-server:5432/lab}; replication is off while unset. */
        Optional<String> url();

        /** The database role: on a station one with INSERT rights, on the lab instance a read-only one. */
        Optional<String> username();

        Optional<String> password();

        /** Most samples sent in one transaction: bounds the replicator's memory and the length of a commit. */
        @WithDefault("5000")
        int batchSize();

        /** How long the replicator rests when nothing is left to send. */
        @WithDefault("1s")
        Duration idleInterval();

        /** The longest wait between two attempts while the database cannot be reached (1 s, 2 s, 4 s, … up to this). */
        @WithDefault("30s")
        Duration maxRetryInterval();
    }

    interface Mqtt {
        /**
         * The broker, {@code tcp://host:port} (port 1883 when omitted) or {@code ssl://host:port} (8883);
         * unset: no MQTT at all.
         */
        Optional<String> url();

        /** The broker's user name, if it asks for one. */
        Optional<String> username();

        /** That user's password; never logged, never published. */
        Optional<String> password();

        /** A station's events kept while the broker is unreachable; beyond this the oldest are dropped and counted. */
        @WithDefault("1000")
        int eventQueue();

        /** The first wait before connecting again after the broker is lost; doubles up to {@link #reconnectMax()}. */
        @WithDefault("1s")
        Duration reconnectMin();

        /** The longest wait between two connection attempts. */
        @WithDefault("30s")
        Duration reconnectMax();
    }
}
