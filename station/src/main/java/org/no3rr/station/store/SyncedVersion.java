package org.no3rr.station.store;

import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database version last forced to the disk, kept pinned (see {@link DatabaseSync#pin}) so that
 * nothing it needs is overwritten before the next one is forced: the version a power cut falls back to.
 */
final class SyncedVersion {

    private long version = -1;
    private MVStore.TxCounter pin;

    /** Pins the version the database opened with, which is the one on the disk. */
    void pinOpened(Connection c) throws SQLException {
        pin = DatabaseSync.pin(c);
    }

    /** Forces the database to the disk, pinning the version it forces and releasing the one before. */
    void force(Connection c) throws SQLException {
        long current = DatabaseSync.version(c);
        MVStore.TxCounter newPin = DatabaseSync.pin(c);
        DatabaseSync.toDisk(c);
        DatabaseSync.release(c, pin);
        pin = newPin;
        version = current;
    }

    /** Whether the database has a version newer than the one last forced to the disk. */
    boolean behind(Connection c) throws SQLException {
        return DatabaseSync.version(c) != version;
    }

    /** The file changed outside a commit (tidying it): the next sync forces it whatever its version. */
    void forget() {
        version = -1;
    }
}
