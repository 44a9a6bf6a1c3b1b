package org.no3rr.station.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes samples of one run into {@code sample_block}, inside the caller's transaction, as blocks of
 * at most {@link SampleBlock#MAX_SAMPLES}. A block is written once and never rewritten: a block
 * that grows would be rewritten into a new database chunk each time and leave the old copies as
 * garbage in the file.
 */
final class BlockWriter {

    private static final String INSERT = "INSERT INTO sample_block (run_id, first_seq, last_seq, first_t_ms, "
            + "last_t_ms, sample_count, min_step_number, max_step_number, samples) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String NEWEST = "SELECT last_seq, last_t_ms FROM sample_block "
            + "WHERE run_id = ? ORDER BY run_id DESC, first_seq DESC LIMIT 1";

    private BlockWriter() {
    }

    static void insert(Connection c, long runId, SampleBlock samples) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int from = 0; from < samples.count(); from += SampleBlock.MAX_SAMPLES) {
                int to = Math.min(samples.count(), from + SampleBlock.MAX_SAMPLES);
                SampleBlock block = samples.slice(from, to);
                insert.setLong(1, runId);
                insert.setLong(2, block.firstSeq());
                insert.setLong(3, block.lastSeq());
                insert.setLong(4, block.epochMillis(0));
                insert.setLong(5, block.epochMillis(block.count() - 1));
                insert.setInt(6, block.count());
                insert.setInt(7, block.minStepNumber());
                insert.setInt(8, block.maxStepNumber());
                insert.setBytes(9, SampleBlockCodec.encode(block));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The run's last stored sample, from its newest block; {@link SampleEnd#NONE} if it has none. */
    static SampleEnd newest(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NEWEST)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new SampleEnd(rs.getLong(1), rs.getLong(2), null) : SampleEnd.NONE;
            }
        }
    }
}
