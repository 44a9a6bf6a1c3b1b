package org.no3rr.station.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calibrations and sample readings, kept as the JSON documents the operator sent. Both are small
 * and rare, so plain rows of JSON serve better than a column per field that each new method would change.
 */
@ApplicationScoped
public class DocumentStore {

    @Inject
    DataSource dataSource;

    public long insertCalibration(String name, String method, String standardsJson, long createdMs) {
        return insert("INSERT INTO calibration (name, method, standards_json, created_ms) VALUES (?,?,?,?)",
                name, method, standardsJson, createdMs);
    }

    public Optional<CalibrationRow> calibration(long id) {
        return calibrations("SELECT id, name, method, standards_json, created_ms FROM calibration WHERE id = ?", id)
                .stream().findFirst();
    }

    public List<CalibrationRow> calibrations() {
        return calibrations("SELECT id, name, method, standards_json, created_ms FROM calibration ORDER BY id");
    }

    public long insertReading(long runId, int stepNumber, String readingJson, long createdMs) {
        return insert("INSERT INTO sample_reading (run_id, step_number, reading_json, created_ms) VALUES (?,?,?,?)",
                runId, stepNumber, readingJson, createdMs);
    }

    /** Readings of a run in the order they were entered. */
    public List<ReadingRow> readings(long runId) {
        return readingRows("SELECT id, run_id, step_number, reading_json, created_ms FROM sample_reading "
                + "WHERE run_id = ? ORDER BY id", "of run " + runId, runId);
    }

    /** Calibrations numbered above {@code afterId}, in id order, at most {@code limit}: for replication. */
    public List<CalibrationRow> calibrationsAfter(long afterId, int limit) {
        return calibrations("SELECT id, name, method, standards_json, created_ms FROM calibration WHERE id > ? "
                + "ORDER BY id LIMIT ?", afterId, limit);
    }

    /** Readings of every run numbered above {@code afterId}, in id order, at most {@code limit}: for replication. */
    public List<ReadingRow> readingsAfter(long afterId, int limit) {
        return readingRows("SELECT id, run_id, step_number, reading_json, created_ms FROM sample_reading "
                + "WHERE id > ? ORDER BY id LIMIT ?", "after " + afterId, afterId, limit);
    }

    private List<ReadingRow> readingRows(String sql, String which, Object... args) {
        List<ReadingRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ReadingRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("could not read the sample readings " + which, e);
        }
    }

    /** A stored calibration's name, method and standards document. */
    public record CalibrationRow(long id, String name, String method, String standardsJson, long createdMs) {
    }

    /** A stored sample reading: the step it was taken after and the operator's document. */
    public record ReadingRow(long id, long runId, int stepNumber, String readingJson, long createdMs) {
    }

    private List<CalibrationRow> calibrations(String sql, Object... args) {
        List<CalibrationRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CalibrationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("could not read calibrations", e);
        }
    }

    private long insert(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageException("could not store a document", e);
        }
    }
}
