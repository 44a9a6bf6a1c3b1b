package org.no3rr.station.lab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a run's samples in the central {@code lab_samples} view with the station's own CSV export, row
 * by row and value by value: the same samples, once each, in the same order, with equal numbers.
 */
public final class CentralRows {

    private CentralRows() {
    }

    /** The lab_samples rows of a run in sample order, as the CSV export's columns would give them. */
    public static List<String> labSamples(Connection c, String stationId, long runId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT test_time_s, unix_time_s, voltage_v, current_a, "
                + "we_potential_v, cycle, step_number FROM lab_samples WHERE station_id = ? AND run_id = ? "
                + "ORDER BY unix_time_s")) {
            ps.setString(1, stationId);
            ps.setLong(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double potential = rs.getDouble(5);
                    boolean noPotential = rs.wasNull();
                    rows.add(rs.getDouble(1) + "," + rs.getDouble(2) + "," + rs.getDouble(3) + "," + rs.getDouble(4)
                            + "," + (noPotential ? "" : Double.toString(potential)) + "," + rs.getInt(6) + ","
                            + rs.getInt(7));
                }
            }
        }
        return rows;
    }

    /** The same columns from the station's CSV export ({@code SampleCsvWriter}), its numbers parsed the same way. */
    public static List<String> exportedSamples(String csv) {
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("test_time_s,unix_time_s,step_time_s,voltage_V,current_A,"
                + "we_potential_vs_ref_V,");
        List<String> rows = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            rows.add(Double.parseDouble(cells[0]) + "," + Double.parseDouble(cells[1]) + ","
                    + Double.parseDouble(cells[3]) + "," + Double.parseDouble(cells[4]) + ","
                    + (cells[5].isEmpty() ? "" : Double.toString(Double.parseDouble(cells[5]))) + ","
                    + cells[9] + "," + cells[10]);
        }
        return rows;
    }

    /** One number from the central database, e.g. a count. */
    public static long single(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
