package org.no3rr.station.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.no3rr.hal.instrument.TwoPointCalibration;
import org.no3rr.station.store.StorageException;

/**
 * Analog calibrations in H2 ({@code analog_calibration}). Rows are only added, never changed, so
 * the history of a path stays readable; the newest row of a (board, channel, path) is the one in
 * force on that board. Rows of other boards stay for the record.
 */
@ApplicationScoped
public class AnalogCalibrationStore {

    private static final TypeReference<List<CalibrationPoint>> POINTS = new TypeReference<>() {
    };
    private static final String COLUMNS = "channel_id, path, gain, offset_value, points_json, created_ms, board_id";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    public void add(StoredCalibration calibration) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO analog_calibration (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, calibration.channelId());
            ps.setString(2, calibration.path().id());
            ps.setDouble(3, calibration.gain());
            ps.setDouble(4, calibration.offset());
            ps.setString(5, json.writeValueAsString(calibration.points()));
            ps.setLong(6, calibration.createdAt().toEpochMilli());
            ps.setString(7, calibration.boardId());
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new StorageException("could not store the calibration of " + calibration.path().key(calibration.channelId()), e);
        }
    }

    /** The calibration in force for a path on board {@code boardId}, if one was stored there. */
    public Optional<StoredCalibration> latest(String boardId, String channelId, AnalogPath path) {
        List<StoredCalibration> rows = query("SELECT " + COLUMNS + " FROM analog_calibration WHERE board_id = ?"
                + " AND channel_id = ? AND path = ? ORDER BY id DESC LIMIT 1", boardId, channelId, path.id());
        return rows.stream().findFirst();
    }

    /** The newest calibration stored for a path on any board (or before boards were identified). */
    public Optional<StoredCalibration> latestOnAnyBoard(String channelId, AnalogPath path) {
        List<StoredCalibration> rows = query("SELECT " + COLUMNS + " FROM analog_calibration WHERE channel_id = ?"
                + " AND path = ? ORDER BY id DESC LIMIT 1", channelId, path.id());
        return rows.stream().findFirst();
    }

    /** The line in force on board {@code boardId} for every path stored there, keyed as the hal expects: {@code "ch1.voltage"}. */
    public Map<String, TwoPointCalibration> inForce(String boardId) {
        Map<String, TwoPointCalibration> lines = new LinkedHashMap<>();
        for (StoredCalibration c : query("SELECT " + COLUMNS + " FROM analog_calibration WHERE board_id = ? ORDER BY id",
                boardId)) {
            lines.put(c.path().key(c.channelId()), c.line());
        }
        return lines;
    }

    private List<StoredCalibration> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredCalibration> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new StoredCalibration(rs.getString(1), AnalogPath.ofId(rs.getString(2)),
                            rs.getDouble(3), rs.getDouble(4), json.readValue(rs.getString(5), POINTS),
                            Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7)));
                }
                return rows;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StorageException("could not read the analog calibrations", e);
        }
    }
}
