package org.no3rr.deploy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the station's H2 database the way the station names it (user "station", no password). */
final class StationDatabase {

    private StationDatabase() {
    }

    static Connection open(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "station", "");
    }

    static String fileUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("station");
    }

    /** A backup zip, opened in place and read-only, as no3rr-station-backup checks it. */
    static String zipUrl(Path zip) {
        return "jdbc:h2:zip:" + zip + "!/station;ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
    }

    /**
     * One line per run with what identifies it and its data: the run's row, its samples' count, its
     * sample blocks' count and a hash of their bytes (samples are stored packed, see the station's
     * SampleBlockCodec), and its events' count, so two databases with equal lists hold the same runs.
     */
    static List<String> runs(String jdbcUrl) throws SQLException {
        try (Connection connection = open(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT r.id, r.channel_id, r.state, r.protocol_text, r.samples_stored, r.ended_ms,
                            (SELECT SUM(b.sample_count) FROM sample_block b WHERE b.run_id = r.id),
                            (SELECT COUNT(*) FROM sample_block b WHERE b.run_id = r.id),
                            (SELECT RAWTOHEX(HASH('SHA-256', LISTAGG(RAWTOHEX(HASH('SHA-256', b.samples)), ',')
                                    WITHIN GROUP (ORDER BY b.first_seq)))
                             FROM sample_block b WHERE b.run_id = r.id),
                            (SELECT COUNT(*) FROM run_event e WHERE e.run_id = r.id)
                     FROM run r ORDER BY r.id""")) {
            List<String> runs = new ArrayList<>();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int column = 1; column <= 10; column++) {
                    line.append(column == 1 ? "" : " | ").append(rs.getString(column));
                }
                runs.add(line.toString());
            }
            return runs;
        }
    }
}
