package org.no3rr.station.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Forces everything committed so far onto the disk. With {@code WRITE_DELAY=0} a commit reaches
 * the operating system, which survives a crash of the station; only this survives a power cut.
 */
@ApplicationScoped
public class DatabaseSync {

    @Inject
    DataSource dataSource;

    public void toDisk() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new StorageException("could not force the database to disk", e);
        }
    }
}
