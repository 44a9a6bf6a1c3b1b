package org.no3rr.station.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Samples in plain JDBC: batched inserts for the writer, streamed reads for exports. */
@ApplicationScoped
public class SampleStore {

    private static final String INSERT = "INSERT INTO sample (run_id, seq, t_ms, voltage_v, current_a, "
            + "we_potential_v, temperature_c, cycle, step_number, step_index, step_type) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UPDATE_RUN = "UPDATE run SET engine_state = ?, samples_stored = samples_stored + ?, "
            + "last_sample_ms = ? WHERE id = ?";

    @Inject
    DataSource dataSource;

    /**
     * Inserts the samples and, per run, the engine state after its last sample — all in one
     * transaction, so a crash leaves either all of them or none.
     */
    public void writeBatch(List<SampleRow> rows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertSamples(c, rows);
                updateRuns(c, rows);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("could not store a batch of " + rows.size() + " samples", e);
        }
    }

    private static void insertSamples(Connection c, List<SampleRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (SampleRow row : rows) {
                ps.setLong(1, row.runId());
                ps.setLong(2, row.seq());
                ps.setLong(3, row.epochMillis());
                ps.setDouble(4, row.voltage());
                ps.setDouble(5, row.current());
                setNullableDouble(ps, 6, row.workingElectrodePotential());
                setNullableDouble(ps, 7, row.temperature());
                ps.setInt(8, row.cycle());
                ps.setInt(9, row.stepNumber());
                ps.setInt(10, row.stepIndex());
                ps.setString(11, row.stepType());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void updateRuns(Connection c, List<SampleRow> rows) throws SQLException {
        Map<Long, SampleRow> lastOfRun = new LinkedHashMap<>();
        Map<Long, Integer> countOfRun = new LinkedHashMap<>();
        for (SampleRow row : rows) {
            lastOfRun.put(row.runId(), row);
            countOfRun.merge(row.runId(), 1, Integer::sum);
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE_RUN)) {
            for (SampleRow last : lastOfRun.values()) {
                ps.setString(1, last.engineState());
                ps.setLong(2, countOfRun.get(last.runId()));
                ps.setLong(3, last.epochMillis());
                ps.setLong(4, last.runId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Hands every sample of a run to {@code consumer} in order, without holding them in memory. */
    public void forEachSample(long runId, SampleConsumer consumer) {
        forEachSampleAfter(runId, 0, consumer);
    }

    /** Like {@link #forEachSample} for the samples numbered above {@code afterSeq}. */
    public void forEachSampleAfter(long runId, long afterSeq, SampleConsumer consumer) {
        forEachSampleBetween(runId, afterSeq + 1, Long.MAX_VALUE, consumer);
    }

    /** Like {@link #forEachSample} for the samples numbered {@code firstSeq..lastSeq}, both inclusive. */
    public void forEachSampleBetween(long runId, long firstSeq, long lastSeq, SampleConsumer consumer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, t_ms, voltage_v, current_a, we_potential_v, "
                     + "temperature_c, cycle, step_number, step_index, step_type FROM sample WHERE run_id = ? "
                     + "AND seq BETWEEN ? AND ? ORDER BY seq")) {
            ps.setFetchSize(1000);
            ps.setLong(1, runId);
            ps.setLong(2, firstSeq);
            ps.setLong(3, lastSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(new StoredSample(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                            nullableDouble(rs, 5), nullableDouble(rs, 6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                            rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the samples of run " + runId, e);
        }
    }

    /** What the engine called a step of a run ({@code rest}, {@code discharge}, {@code hold}, …), if it recorded a sample. */
    public Optional<String> stepType(long runId, int stepNumber) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT step_type FROM sample WHERE run_id = ? AND step_number = ? ORDER BY seq LIMIT 1")) {
            ps.setLong(1, runId);
            ps.setInt(2, stepNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("could not read step " + stepNumber + " of run " + runId, e);
        }
    }

    private static void setNullableDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    /** Receives stored samples; may throw to abort the read (e.g. a client that went away). */
    @FunctionalInterface
    public interface SampleConsumer {
        void accept(StoredSample sample);
    }
}
