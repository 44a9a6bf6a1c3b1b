package org.no3rr.station.lab.central;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.store.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * How far replication into one central database has come, kept in the station's H2 (migrations V17, V18)
 * so it survives restarts. Written only after the central database committed what a cursor covers.
 */
@ApplicationScoped
public class ReplicationCursors {

    /** Streams of rows with ids: their cursor is the id up to which every row has been sent. */
    public enum Stream {
        EVENTS,
        CALIBRATIONS,
        READINGS
    }

    /**
     * A run's progress in the central database.
     *
     * @param samplesSent the highest sample number committed there (samples are numbered 1, 2, … without gaps)
     * @param stepsSent   the highest step number committed there
     * @param cyclesSent  the highest cycle number committed there
     * @param complete    the run has ended and everything of it is there: later passes skip it
     */
    public record RunCursor(long runId, long samplesSent, int stepsSent, int cyclesSent, boolean complete) {

        static RunCursor start(long runId) {
            return new RunCursor(runId, 0, 0, 0, false);
        }
    }

    @Inject
    DataSource dataSource;

    public long stream(String centralId, Stream stream) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT last_id FROM lab_replication_cursor WHERE central_id = ? AND stream = ?")) {
            ps.setString(1, centralId);
            ps.setString(2, stream.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the replication cursor of " + stream, e);
        }
    }

    public void advance(String centralId, Stream stream, long lastId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO lab_replication_cursor (central_id, stream, last_id) KEY (central_id, stream) "
                             + "VALUES (?, ?, ?)")) {
            ps.setString(1, centralId);
            ps.setString(2, stream.name());
            ps.setLong(3, lastId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not store the replication cursor of " + stream, e);
        }
    }

    /**
     * Every run's cursor for the central database, by run id; runs never sent have none. With a null
     * {@code centralId} (before the first connection since start) the furthest cursor of any central database.
     */
    public Map<Long, RunCursor> runs(String centralId) {
        Map<Long, RunCursor> runs = new HashMap<>();
        String sql = "SELECT run_id, samples_sent, steps_sent, cycles_sent, complete FROM lab_replication_run"
                + (centralId == null ? " ORDER BY samples_sent" : " WHERE central_id = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (centralId != null) {
                ps.setString(1, centralId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.put(rs.getLong(1), new RunCursor(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                            rs.getBoolean(5)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new StorageException("could not read the replication cursors of the runs", e);
        }
    }

    public void save(String centralId, RunCursor run) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("MERGE INTO lab_replication_run (central_id, run_id, "
                     + "samples_sent, steps_sent, cycles_sent, complete) KEY (central_id, run_id) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, centralId);
            ps.setLong(2, run.runId());
            ps.setLong(3, run.samplesSent());
            ps.setInt(4, run.stepsSent());
            ps.setInt(5, run.cyclesSent());
            ps.setBoolean(6, run.complete());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not store the replication cursor of run " + run.runId(), e);
        }
    }
}
