package org.no3rr.station.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.security.OwnerOnlyFiles;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.store.SampleStore;
import org.no3rr.station.store.StorageException;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A consistent copy of the database while the station runs, with H2's {@code BACKUP TO}: the
 * station holds the database file's lock, so only it can take an online backup. The zip goes to
 * {@code <data-dir>/backups/}, the one place the service may write on a Pi, readable by the
 * station's user only; after each backup the oldest beyond {@code station.backup.keep} are deleted.
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The names this service (and no3rr-station-backup) gives backups; nothing else is ever deleted. */
    private static final Pattern BACKUP_NAME = Pattern.compile("station-\\d{8}-\\d{6}(-\\d+)?\\.zip");

    @Inject
    DataSource dataSource;

    @Inject
    SampleStore samples;

    @Inject
    StationConfig config;

    private final ReentrantLock oneAtATime = new ReentrantLock();

    /** The written backup, and the old backups deleted to keep {@code station.backup.keep}. */
    public record Backup(String path, long bytes, List<String> deleted) {
    }

    /** @throws ConflictException while another backup is being written */
    public Backup backUp() {
        if (!oneAtATime.tryLock()) {
            throw new ConflictException("a backup is already being written; try again when it has finished");
        }
        try {
            Path directory = OwnerOnlyFiles.directory(Path.of(config.dataDir()).toAbsolutePath().normalize().resolve("backups"));
            Path zip = directory.resolve("station-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + ".zip");
            for (int n = 2; Files.exists(zip); n++) {
                zip = directory.resolve("station-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-" + n + ".zip");
            }
            // Created owner-only before H2 writes into it, so the copy is never readable by others.
            OwnerOnlyFiles.createFile(zip);
            // The journal is not in the zip: its samples go into the database first.
            samples.foldAll();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, zip.toString());
                ps.execute();
            }
            OwnerOnlyFiles.restrict(zip, OwnerOnlyFiles.FILE);
            return new Backup(zip.toString(), Files.size(zip), pruneBeyond(directory, config.backup().keep()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the backup", e);
        } catch (SQLException e) {
            throw new StorageException("could not back up the database", e);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Deletes the oldest backups so that {@code keep} remain (none if keep is 0); returns what it deleted. */
    static List<String> pruneBeyond(Path directory, int keep) throws IOException {
        if (keep <= 0) {
            return List.of();
        }
        List<Path> newestFirst;
        try (Stream<Path> files = Files.list(directory)) {
            newestFirst = files.filter(f -> BACKUP_NAME.matcher(f.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(BackupService::modified).thenComparing(Path::toString).reversed())
                    .toList();
        }
        List<Path> old = newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size());
        for (Path backup : old) {
            Files.deleteIfExists(backup);
            LOG.infof("Deleted the old backup %s (station.backup.keep=%d)", backup, keep);
        }
        return old.stream().map(Path::toString).toList();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
