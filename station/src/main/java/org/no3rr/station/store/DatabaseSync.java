package org.no3rr.station.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database file under the store's control: forced to the disk, and kept compact while the
 * station runs. With {@code WRITE_DELAY=0} a commit reaches the operating system, which survives a
 * crash of the station; only {@link #toDisk} survives a power cut. H2 tidies its file only in the
 * background thread that {@code WRITE_DELAY=0} switches off, so the store does it here
 * ({@link #compact}); without it a file that is never closed fills with dead pages (docs/storage.md).
 */
final class DatabaseSync {

    private DatabaseSync() {
    }

    /** H2's storage engine behind a connection of the embedded database. */
    static MVStore mvStore(Connection c) throws SQLException {
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    /** Changes whenever a commit has been written to the file: tells whether there is anything to force. */
    static long version(Connection c) throws SQLException {
        return mvStore(c).getCurrentVersion();
    }

    /** Forces everything committed so far onto the disk. */
    static void toDisk(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * Keeps every chunk the database's current version needs from being overwritten until
     * {@link #release}. H2 reuses a dead chunk once it is older than its retention time (45 s) —
     * counted from when the chunk was written, not from when it died — so without this a chunk that
     * died a moment ago could be overwritten while the version on the disk still needs it, and a
     * power cut before the next sync would leave that version broken (the power-cut test found it;
     * docs/storage.md). Pinned before each sync, the version on the disk is always pinned.
     */
    static MVStore.TxCounter pin(Connection c) throws SQLException {
        return mvStore(c).registerVersionUsage();
    }

    static void release(Connection c, MVStore.TxCounter pin) throws SQLException {
        if (pin != null) {
            mvStore(c).deregisterVersionUsage(pin);
        }
    }

    /**
     * One step of the tidying H2's background thread would do: chunks that have been dead for H2's
     * retention time (45 s) are freed, and while less than {@code fillRate} percent of the file is
     * in chunks, chunks near its end move into the holes (about {@code moveBytes} of them) and the
     * file is cut short. A freed chunk was dead long before the last {@link #toDisk}, and moving
     * forces the file at each stage, so a power cut never finds a chunk that the last synced
     * version needs overwritten. H2 frees dead chunks only in a commit or here: an idle station
     * would otherwise keep them forever.
     *
     * @return whether the file changed
     */
    static boolean compact(Connection c, int fillRate, int moveBytes) throws SQLException {
        MVStore store = mvStore(c);
        if (!(store.getFileStore() instanceof RandomAccessStore file)) {
            return false;
        }
        long version = store.getCurrentVersion();
        long size = file.size();
        file.compactMoveChunks(fillRate, moveBytes, store);
        return file.size() != size || store.getCurrentVersion() != version;
    }

    /** Percentage of the file's blocks that are in chunks (the rest are holes left by freed chunks). */
    static int fileFillRate(Connection c) throws SQLException {
        FileStore<?> file = mvStore(c).getFileStore();
        return file == null ? 100 : file.getFillRate();
    }

    /** Percentage of the bytes in the file's chunks that are live. */
    static int chunksFillRate(Connection c) throws SQLException {
        FileStore<?> file = mvStore(c).getFileStore();
        return file == null ? 100 : file.getChunksFillRate();
    }
}
