package org.no3rr.station.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.no3rr.station.store.staged.StagedFileSystem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Derives the H2 URL from {@code station.data-dir}, made absolute: H2 refuses a path that is
 * implicitly relative to the working directory ({@code data} rather than {@code ./data}), and a
 * researcher should not have to know that. An explicitly configured
 * {@code quarkus.datasource.jdbc.url} (system property or environment) still wins.
 *
 * <p>{@code WRITE_DELAY=0}: H2 otherwise keeps committed changes in memory for up to a second, and
 * a crash of the station would lose runs, events and calibrations it had confirmed. With it, a
 * commit reaches the operating system before it returns; the sample writer forces the database
 * to the disk once a second (see {@code BatchingSampleWriter}), which bounds what a power cut can
 * take. Samples reach the database through the journal (docs/storage.md).
 *
 * <p>{@code COMPRESS=TRUE}: H2 compresses each page it writes (LZF, flagged per page, so a file
 * written without it reads as before). A commit that changes a run's row and history shrinks from
 * 8–16 kB to 4–8 kB, and each goes to the disk twice (staging log, then file): at a run's start,
 * half the bytes (docs/storage.md, write rate).
 */
public class DatabaseUrlConfigSourceFactory implements ConfigSourceFactory {

    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    static final int ORDINAL = 275;
    static final String DEFAULT_DATA_DIR = "./data";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue("station.data-dir");
        String dataDir = configured == null || configured.getValue() == null ? DEFAULT_DATA_DIR : configured.getValue();
        return List.of(new MapBackedConfigSource("station.data-dir → H2 URL", Map.of("quarkus.datasource.jdbc.url",
                urlFor(dataDir)), ORDINAL) {
        });
    }

    /** The settings after the path, also for tests that open the station's database their own way. */
    public static final String OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=2000;WRITE_DELAY=0;COMPRESS=TRUE";

    static String urlFor(String dataDir) {
        Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("station");
        return url("file:" + file);
    }

    /**
     * The station's URL for a database at {@code h2Path} (an H2 path: {@code file:/d/station}, or a
     * test's simulated disk): its file {@linkplain StagedFileSystem staged}, so a power cut never
     * leaves a torn write in it (docs/storage.md), with the settings above.
     */
    public static String url(String h2Path) {
        StagedFileSystem.install();
        return "jdbc:h2:" + StagedFileSystem.SCHEME + ":" + h2Path + OPTIONS;
    }
}
