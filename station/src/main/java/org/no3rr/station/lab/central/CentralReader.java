package org.no3rr.station.lab.central;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.engine.RunState;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.export.RunData;
import org.no3rr.station.lab.LabConfig;
import org.no3rr.station.service.NotFoundException;
import org.no3rr.station.service.SummaryService;
import org.no3rr.station.service.SummaryService.CycleReport;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.SampleStore.SampleConsumer;
import org.no3rr.station.store.StoredSample;
import org.no3rr.station.store.SummaryStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab instance's reads of the central PostgreSQL: the runs of every station, and one run's samples,
 * steps, cycles and events as the very records its station stored ({@link StoredSample},
 * {@link StepSummary}, {@link CycleSummary}, {@link RunEvent}), so the station's views and export writers
 * show them unchanged. A connection per request: the lab page is read by a few people, not a crowd.
 */
@ApplicationScoped
public class CentralReader {

    /** Rows fetched per round trip while streaming a run's samples: the run is never held whole. */
    private static final int FETCH_SIZE = 5000;

    @Inject
    LabConfig config;

    /** A run of the lab, as the list of runs shows it. */
    public record LabRun(String stationId, long runId, String channelId, String state, long createdMs,
                         Long startedMs, Long endedMs, long samplesStored) {
    }

    /** Every run of every station, newest first. */
    public List<LabRun> runs() {
        return withConnection(c -> {
            List<LabRun> runs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT station_id, run_id, channel_id, state, created_ms, "
                    + "started_ms, ended_ms, samples_stored FROM central_run "
                    + "ORDER BY created_ms DESC, station_id, run_id DESC"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new LabRun(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getLong(8)));
                }
            }
            return runs;
        });
    }

    /** The run's row as its station stored it (the engine's own state is not replicated). */
    public RunRecord run(String stationId, long runId) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, channel_id, state, protocol_text, cell_json, "
                    + "hardware_json, software_version, notes, created_ms, started_ms, ended_ms, end_reason, "
                    + "samples_stored, last_sample_ms FROM central_run WHERE station_id = ? AND run_id = ?")) {
                ps.setString(1, stationId);
                ps.setLong(2, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("the central database has no run " + stationId + "/" + runId);
                    }
                    return new RunRecord(rs.getLong(1), rs.getString(2), RunState.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getLong(9), (Long) rs.getObject(10), (Long) rs.getObject(11), rs.getString(12), null,
                            rs.getLong(13), (Long) rs.getObject(14));
                }
            }
        });
    }

    /** The stored (ended) steps of a run, in order. */
    public List<StepSummary> steps(String stationId, long runId) {
        return list("SELECT " + SummaryStore.STEP_COLUMNS + " FROM central_step WHERE station_id = ? AND run_id = ? "
                + "ORDER BY step_number", stationId, runId, rs -> SummaryStore.readStep(rs, 1));
    }

    /** The stored (complete) cycles of a run, in order. */
    public List<CycleSummary> cycles(String stationId, long runId) {
        return list("SELECT " + SummaryStore.CYCLE_COLUMNS + " FROM central_cycle WHERE station_id = ? AND run_id = ? "
                + "ORDER BY cycle", stationId, runId, rs -> SummaryStore.readCycle(rs, 1));
    }

    public List<RunEvent> events(String stationId, long runId) {
        return list("SELECT event_id, run_id, t_ms, kind, message FROM central_event WHERE station_id = ? "
                        + "AND run_id = ? ORDER BY event_id", stationId, runId,
                rs -> new RunEvent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
    }

    /** The run's samples in order, streamed from the database a fetch at a time. */
    public void forEachSample(String stationId, long runId, SampleConsumer consumer) {
        forEachSampleBetween(stationId, runId, Long.MIN_VALUE, Long.MAX_VALUE, consumer);
    }

    /** How many samples of the run lie in {@code [fromMs, toMs]} (epoch times). */
    public long countBetween(String stationId, long runId, long fromMs, long toMs) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM central_sample WHERE station_id = ? "
                    + "AND run_id = ? AND t_ms BETWEEN ? AND ?")) {
                bindWindow(ps, stationId, runId, fromMs, toMs);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The samples in {@code [fromMs, toMs]} in order, streamed a fetch at a time, never the run whole. */
    public void forEachSampleBetween(String stationId, long runId, long fromMs, long toMs, SampleConsumer consumer) {
        withConnection(c -> {
            // PostgreSQL streams a result only inside a transaction; otherwise the driver reads it whole.
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, t_ms, step_time_ms, voltage_v, current_a, "
                    + "we_potential_v, temperature_c, cycle, step_number, step_line, step_kind FROM central_sample "
                    + "WHERE station_id = ? AND run_id = ? AND t_ms BETWEEN ? AND ? ORDER BY seq")) {
                ps.setFetchSize(FETCH_SIZE);
                bindWindow(ps, stationId, runId, fromMs, toMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(new StoredSample(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                                rs.getDouble(5), nanIfNull(rs, 6), nanIfNull(rs, 7), rs.getInt(8), rs.getInt(9),
                                rs.getInt(10), StepKind.fromWireName(rs.getString(11))));
                    }
                }
            } finally {
                c.rollback();
            }
            return null;
        });
    }

    private static void bindWindow(PreparedStatement ps, String stationId, long runId, long fromMs, long toMs)
            throws SQLException {
        ps.setString(1, stationId);
        ps.setLong(2, runId);
        ps.setLong(3, fromMs);
        ps.setLong(4, toMs);
    }

    /** One station's runs as the export writers read them. */
    public RunData data(String stationId) {
        return new RunData() {
            @Override
            public void forEachSample(long runId, SampleConsumer consumer) {
                CentralReader.this.forEachSample(stationId, runId, consumer);
            }

            @Override
            public List<CycleReport> cycles(long runId, RetentionReference retention) {
                List<CycleSummary> cycles = CentralReader.this.cycles(stationId, runId);
                return SummaryService.reports(cycles, cycles.size(), retention);
            }

            @Override
            public List<RunEvent> events(long runId) {
                return CentralReader.this.events(stationId, runId);
            }
        };
    }

    private static double nanIfNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    private <T> List<T> list(String sql, String stationId, long runId, Row<T> row) {
        return withConnection(c -> {
            List<T> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, stationId);
                ps.setLong(2, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row.read(rs));
                    }
                }
            }
            return rows;
        });
    }

    private <T> T withConnection(Work<T> work) {
        if (config.db().url().isEmpty()) {
            throw new IllegalStateException("station.lab.db.url is not set: the lab instance reads the central database");
        }
        try (Connection c = CentralConnections.open(config.db(), "no3rr-lab")) {
            return work.run(c);
        } catch (SQLException e) {
            throw new CentralUnavailableException("the central database cannot be read: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
