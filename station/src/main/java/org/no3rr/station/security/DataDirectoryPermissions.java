package org.no3rr.station.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.station.config.StationConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data directory holds research data and the tokens: on every start it is made readable by the
 * station's user only — the directory itself, the files in it (database, trace, tokens) and the
 * backups — whatever the umask the station was started with. The systemd unit also sets
 * {@code UMask=0077}, so on a Pi files are born that way.
 */
@ApplicationScoped
public class DataDirectoryPermissions {

    private static final Logger LOG = Logger.getLogger(DataDirectoryPermissions.class);

    @Inject
    StationConfig config;

    void restrict(@Observes @Priority(1) StartupEvent event) {
        try {
            List<Path> narrowed = restrict(Path.of(config.dataDir()));
            if (!narrowed.isEmpty()) {
                LOG.warnf("These were readable by other users and are now readable by the station's user only: %s", narrowed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the data directory " + config.dataDir() + " owner-only", e);
        }
    }

    /** Narrows the directory, its files and its backups; returns what had been wider. */
    static List<Path> restrict(Path dataDir) throws IOException {
        List<Path> narrowed = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            OwnerOnlyFiles.directory(dataDir);
            return narrowed;
        }
        restrictTree(dataDir, narrowed);
        Path backups = dataDir.resolve("backups");
        if (Files.isDirectory(backups)) {
            restrictTree(backups, narrowed);
        }
        return narrowed;
    }

    private static void restrictTree(Path directory, List<Path> narrowed) throws IOException {
        if (OwnerOnlyFiles.restrict(directory, OwnerOnlyFiles.DIRECTORY)) {
            narrowed.add(directory);
        }
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path file : entries.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (OwnerOnlyFiles.restrict(file, OwnerOnlyFiles.FILE)) {
                    narrowed.add(file);
                }
            }
        }
    }
}
