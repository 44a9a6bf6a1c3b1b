package org.no3rr.station.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each run's samples in the database end, read once from its newest block and then kept up
 * to date by the folds, so asking for a run's progress costs no query.
 */
final class StoredProgress {

    private final DataSource dataSource;
    private final ConcurrentHashMap<Long, SampleEnd> byRun = new ConcurrentHashMap<>();

    StoredProgress(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    SampleEnd of(long runId) {
        return byRun.computeIfAbsent(runId, this::load);
    }

    void put(long runId, SampleEnd progress) {
        byRun.put(runId, progress);
    }

    private SampleEnd load(long runId) {
        try (Connection c = dataSource.getConnection()) {
            return BlockWriter.newest(c, runId);
        } catch (SQLException e) {
            throw new StorageException("could not read where the samples of run " + runId + " end", e);
        }
    }
}
