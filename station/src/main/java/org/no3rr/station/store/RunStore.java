package org.no3rr.station.store;

import org.no3rr.engine.RunState;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs and their events, in plain JDBC. Every method is one short transaction. */
@ApplicationScoped
public class RunStore {

    private static final String RUN_COLUMNS = "id, channel_id, state, protocol_text, cell_json, hardware_json, "
            + "software_version, notes, created_ms, started_ms, ended_ms, end_reason, engine_state, "
            + "samples_stored, last_sample_ms";

    @Inject
    DataSource dataSource;

    @Inject
    SampleStore samples;

    /**
     * Stores a new run and its CREATED event in one transaction — with its start and STARTED event
     * too when it is created RUNNING (it starts at once): one commit, not two, at a run's start
     * (docs/storage.md, write rate). Returns the run's id.
     */
    public long create(String channelId, RunState state, String protocolText, String cellJson, String hardwareJson,
                       String softwareVersion, String notes, long createdMs) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run (channel_id, state, protocol_text, "
                    + "cell_json, hardware_json, software_version, notes, created_ms) VALUES (?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, channelId);
                ps.setString(2, state.name());
                ps.setString(3, protocolText);
                ps.setString(4, cellJson);
                ps.setString(5, hardwareJson);
                ps.setString(6, softwareVersion);
                ps.setString(7, notes);
                ps.setLong(8, createdMs);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertEvent(c, id, createdMs, RunEvent.CREATED, "run created on channel " + channelId);
            if (state == RunState.RUNNING) {
                markStarted(c, id, createdMs);
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new StorageException("could not store the new run", e);
        }
    }

    public Optional<RunRecord> find(long id) {
        List<RunRecord> runs = query("SELECT " + RUN_COLUMNS + " FROM run WHERE id = ?", id);
        return runs.stream().findFirst();
    }

    /** All runs, newest first. */
    public List<RunRecord> list() {
        return query("SELECT " + RUN_COLUMNS + " FROM run ORDER BY id DESC");
    }

    /** Runs in any of the given states, oldest first. */
    public List<RunRecord> findByState(RunState... states) {
        StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM run WHERE state IN (");
        Object[] args = new Object[states.length];
        for (int i = 0; i < states.length; i++) {
            sql.append(i == 0 ? "?" : ",?");
            args[i] = states[i].name();
        }
        return query(sql.append(") ORDER BY id").toString(), args);
    }

    /** The run starts, unless it started when it was created. */
    public void markStarted(long id, long startedMs) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            markStarted(c, id, startedMs);
            c.commit();
        } catch (SQLException e) {
            throw new StorageException("could not store the start of run " + id, e);
        }
    }

    private static void markStarted(Connection c, long id, long startedMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE run SET state = ?, started_ms = ? WHERE id = ? AND started_ms IS NULL")) {
            ps.setString(1, RunState.RUNNING.name());
            ps.setLong(2, startedMs);
            ps.setLong(3, id);
            if (ps.executeUpdate() == 0) {
                return;
            }
        }
        insertEvent(c, id, startedMs, RunEvent.STARTED, "run started");
    }

    /** Changes the state; a final state also records when and why the run ended. */
    public void changeState(long id, RunState state, long epochMillis, String reason) {
        if (state.isFinal()) {
            update("UPDATE run SET state = ?, ended_ms = ?, end_reason = ? WHERE id = ?",
                    state.name(), epochMillis, reason, id);
        } else {
            update("UPDATE run SET state = ? WHERE id = ?", state.name(), id);
        }
    }

    public void appendEvent(long runId, long epochMillis, String kind, String message) {
        try (Connection c = dataSource.getConnection()) {
            insertEvent(c, runId, epochMillis, kind, message);
        } catch (SQLException e) {
            throw new StorageException("could not store event " + kind + " of run " + runId, e);
        }
    }

    public List<RunEvent> events(long runId) {
        return events("SELECT id, run_id, t_ms, kind, message FROM run_event WHERE run_id = ? ORDER BY id",
                "of run " + runId, runId);
    }

    /** Events of every run numbered above {@code afterId}, in id order, at most {@code limit}: for replication. */
    public List<RunEvent> eventsAfter(long afterId, int limit) {
        return events("SELECT id, run_id, t_ms, kind, message FROM run_event WHERE id > ? ORDER BY id LIMIT ?",
                "after " + afterId, afterId, limit);
    }

    private List<RunEvent> events(String sql, String which, Object... args) {
        List<RunEvent> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new RunEvent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StorageException("could not read the events " + which, e);
        }
    }

    /** Inside the writer's transaction: the events a batch's decisions raised, in order. */
    static void insertEvents(Connection c, long runId, List<DecisionEvent> events) throws SQLException {
        for (DecisionEvent event : events) {
            insertEvent(c, runId, event.epochMillis(), event.kind(), event.message());
        }
    }

    private static void insertEvent(Connection c, long runId, long epochMillis, String kind, String message)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_event (run_id, t_ms, kind, message) VALUES (?,?,?,?)")) {
            ps.setLong(1, runId);
            ps.setLong(2, epochMillis);
            ps.setString(3, kind);
            ps.setString(4, message.length() > 4000 ? message.substring(0, 4000) : message);
            ps.executeUpdate();
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not update a run", e);
        }
    }

    private List<RunRecord> query(String sql, Object... args) {
        List<RunRecord> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(read(rs));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new StorageException("could not read runs", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    private RunRecord read(ResultSet rs) throws SQLException {
        RunRecord run = new RunRecord(rs.getLong(1), rs.getString(2), RunState.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                nullableLong(rs, 10), nullableLong(rs, 11), rs.getString(12), rs.getString(13), rs.getLong(14),
                nullableLong(rs, 15));
        return run.with(samples.progress(run.id()));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
