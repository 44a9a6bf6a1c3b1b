package org.no3rr.station.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the station reads from configuration under {@code station.*}. Defaults need no configuration. */
@ConfigMapping(prefix = "station")
public interface StationConfig {

    /**
     * The station's name in a lab of stations ({@code [a-z0-9-]}, at most 40 characters): in MQTT topics, in
     * the central database and in a run's global identity {@code <station-id>/<run-id>}. Default: the host
     * name, lower-cased and reduced to those characters (see {@code lab.identity.StationIdentity}).
     */
    Optional<String> id();

    /**
     * The address people reach this station's page at, e.g. {@code https://bench-2.lab.example:8443}: the base of
     * the run links in notifications and MQTT events ({@code lab.RunLinks}); none by default.
     */
    Optional<String> publicUrl();

    /** Directory for the H2 database file and the access token; created if missing. */
    @WithDefault("./data")
    String dataDir();

    /** Hardware backend selection. */
    Hal hal();

    /** The simulated backend's clock, randomness and cell parameters. */
    Simulation simulation();

    /**
     * The cell model of each channel, in order; channels are named {@code ch1}, {@code ch2}, …
     * Allowed: {@code zn-nitrate-battery}, {@code h-cell}.
     */
    @WithDefault("zn-nitrate-battery,zn-nitrate-battery,h-cell,h-cell")
    List<String> channels();

    /** How often a running channel reads its inputs; also the default recording interval. */
    @WithDefault("1s")
    Duration readingInterval();

    /**
     * How often the live stream sends each client a {@code heartbeat} event: keeps
     * an idle stream open through the HTTP idle timeout, lets the station notice a client that is gone
     * (the write fails) and the page notice a stream that silently died.
     */
    @WithDefault("30s")
    Duration streamHeartbeat();

    /** The batched sample writer. */
    Writer writer();

    /** Access control and the limits of the HTTP interface (docs/security.md). */
    Security security();

    /** The sample journal and the disk-space alarm (docs/storage.md). */
    Storage storage();

    /** The watch over the channels' control loops, which gates the hardware watchdog's heartbeat. */
    Watchdog watchdog();

    /** Backups written by {@code POST /api/admin/backup}. */
    Backup backup();

    /**
     * What happens to runs that were active when the station stopped or crashed: {@code resume}
     * (default) goes on from the engine state stored with the last sample; {@code interrupt}
     * marks them INTERRUPTED and leaves the channel idle.
     */
    @WithDefault("resume")
    OnRestart onRestart();

    /**
     * {@code station} (default) runs channels; {@code lab} is the lab instance (docs/lab.md): no hardware,
     * no local runs, a page for every station of the lab read from MQTT and the central PostgreSQL.
     */
    @WithDefault("station")
    Role role();

    enum Role {
        STATION,
        LAB
    }

    enum OnRestart {
        RESUME,
        INTERRUPT
    }

    interface Hal {
        /** {@code simulated} (default) or {@code pi4j}. */
        @WithDefault("simulated")
        String backend();

        /**
         * The rig's board file (docs/hardware.md), required with {@code backend=pi4j}; a missing or
         * invalid file stops start-up with every mistake named.
         */
        Optional<Path> boardFile();
    }

    interface Simulation {
        /** Virtual clock speed: {@code 1} for real time, {@code 60} for one simulated minute a second, or {@code max}. */
        @WithDefault("1")
        String speed();

        /** Seed of the ADC noise, so a rehearsal can be repeated exactly. */
        @WithDefault("20261121")
        long seed();

        /** Overrides of the Zn–NO3⁻ battery model's parameters, by name (see docs/simulator.md). */
        @WithName("battery")
        Map<String, String> batteryParameters();

        /** Overrides of the H-cell electrolysis model's parameters, by name (see docs/simulator.md). */
        @WithName("h-cell")
        Map<String, String> hCellParameters();

        /**
         * How often a changing simulated cell is written to its file (the first time at once): a
         * resumed run's cell is its last file plus the current of every sample stored since, so the
         * interval costs nothing in accuracy, and each write costs the disk a synced file and a
         * rename — once a second for four cells was 160 KB/s, twenty times the station's samples.
         */
        @WithDefault("10m")
        Duration cellSaveInterval();
    }

    interface Watchdog {
        /**
         * How many reading intervals a running channel's control loop may go without a completed
         * reading before the watch stops the heartbeat, puts the channel in its safe state and
         * faults the run (docs/hardware.md, "A watchdog that watches control").
         */
        @WithDefault("3")
        int missedReadings();

        /** The shortest reading interval the watch assumes, so a short interval never trips on a pause of the JVM. */
        @WithDefault("1s")
        Duration minimumInterval();
    }

    interface Security {
        /** Failed logins (or wrong bearer tokens) from one address before it is refused for a while. */
        @WithDefault("10")
        int maxFailedLogins();

        /** The window in which failed logins are counted; an address is refused until its oldest failure leaves it. */
        @WithDefault("5m")
        Duration failedLoginWindow();

        /** A browser session ends this long after it was last used. */
        @WithDefault("7d")
        Duration sessionIdleTimeout();

        /** A browser session ends this long after its login, however often it is used. */
        @WithDefault("30d")
        Duration sessionLifetime();

        /** Connections one client address may hold open at once; more get 429 (health checks excepted). */
        @WithDefault("24")
        int maxConnectionsPerAddress();

        /** How long a client may take to send a request's body before the station closes the connection. */
        @WithDefault("30s")
        Duration bodyReadTimeout();

        /**
         * How long a connection may go without a whole request head — from its opening (TLS handshake
         * included) or from its last response's end — before the station closes it.
         */
        @WithDefault("20s")
        Duration headTimeout();

        /**
         * Origins besides the station's own from which a browser may send changes, e.g. a reverse proxy's
         * {@code https://station.lab.example}; none by default.
         */
        Optional<List<String>> allowedOrigins();
    }

    interface Backup {
        /**
         * How many backups {@code <data-dir>/backups/} keeps: after each backup the oldest beyond this many
         * are deleted; {@code 0} keeps them all.
         */
        @WithDefault("10")
        int keep();
    }

    interface Storage {
        /**
         * Size of the sample journal ({@code <data-dir>/station.journal}, two areas of half this size),
         * which holds each run's newest samples until whole blocks of them go into the database.
         */
        @WithDefault("2M")
        MemorySize journalSize();

        /** The low-disk alarm is raised when the data directory's disk has less free space than this. */
        @WithDefault("1G")
        MemorySize alarmFreeSpace();

        /** … or when, at the current recording rate, the free space lasts fewer days than this. */
        @WithDefault("14")
        double alarmDaysLeft();
    }

    interface Writer {
        /** Largest number of samples committed in one transaction. */
        @WithDefault("1000")
        int batchSize();

        /** Longest a sample waits in memory before its batch is committed; bounds what a crash can lose. */
        @WithDefault("200ms")
        Duration maxDelay();

        /** Samples a channel may have sent but not yet seen committed before it waits for the writer. */
        @WithDefault("20000")
        int maxInFlight();

        /**
         * How often what was stored is forced to the disk: a power cut can take the samples of at
         * most this last interval (a crash of the station takes none that were acknowledged).
         */
        @WithDefault("1s")
        Duration syncInterval();
    }
}
