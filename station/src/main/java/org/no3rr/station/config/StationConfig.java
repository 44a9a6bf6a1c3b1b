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

    /** The batched sample writer. */
    Writer writer();

    /** Access control. */
    Security security();

    /** The sample journal and the disk-space alarm (docs/storage.md). */
    Storage storage();

    /**
     * What happens to runs that were active when the station stopped or crashed: {@code resume}
     * (default) goes on from the engine state stored with the last sample; {@code interrupt}
     * marks them INTERRUPTED and leaves the channel idle.
     */
    @WithDefault("resume")
    OnRestart onRestart();

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
    }

    interface Security {
        /** Failed logins (or wrong bearer tokens) from one address before it is refused for a while. */
        @WithDefault("10")
        int maxFailedLogins();

        /** The window in which failed logins are counted; an address is refused until its oldest failure leaves it. */
        @WithDefault("5m")
        Duration failedLoginWindow();
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

        /** Backups kept in {@code <data-dir>/backups/}: after each new one, the oldest beyond this many go. */
        @WithDefault("10")
        int backupsKept();
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
