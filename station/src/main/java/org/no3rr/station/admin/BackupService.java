package org.no3rr.station.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.service.ConflictException;
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
import java.util.concurrent.locks.ReentrantLock;

/**
 * A consistent copy of the database while the station runs, with H2's {@code BACKUP TO}: the
 * station holds the database file's lock, so only it can take an online backup. The zip goes to
 * {@code <data-dir>/backups/}, the one place the service may write on a Pi; the newest
 * {@code station.storage.backups-kept} stay there.
 */
@ApplicationScoped
public class BackupService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Inject
    DataSource dataSource;

    @Inject
    StationConfig config;

    private final ReentrantLock oneAtATime = new ReentrantLock();

    /** The written backup. */
    public record Backup(String path, long bytes) {
    }

    /** @throws ConflictException while another backup is being written */
    public Backup backUp() {
        if (!oneAtATime.tryLock()) {
            throw new ConflictException("a backup is already being written; try again when it has finished");
        }
        try {
            Path directory = Path.of(config.dataDir()).toAbsolutePath().normalize().resolve("backups");
            Files.createDirectories(directory);
            Path zip = directory.resolve("station-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + ".zip");
            for (int n = 2; Files.exists(zip); n++) {
                zip = directory.resolve("station-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-" + n + ".zip");
            }
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, zip.toString());
                ps.execute();
            }
            Backup backup = new Backup(zip.toString(), Files.size(zip));
            BackupRetention.keepNewest(directory, config.storage().backupsKept());
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the backup", e);
        } catch (SQLException e) {
            throw new StorageException("could not back up the database", e);
        } finally {
            oneAtATime.unlock();
        }
    }
}
