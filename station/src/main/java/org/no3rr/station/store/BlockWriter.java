package org.no3rr.station.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.IntFunction;

/**
 * Writes samples of one run into {@code sample_block}, inside the caller's transaction, as blocks of
 * at most {@link SampleBlock#MAX_SAMPLES}, each with the engine state after its last sample. A
 * block is written once and never rewritten: a block that grows would be rewritten into a new
 * database chunk each time and leave the old copies as garbage in the file.
 */
final class BlockWriter {

    private static final String INSERT = "INSERT INTO sample_block (run_id, first_seq, last_seq, first_t_ms, "
            + "last_t_ms, sample_count, min_step_number, max_step_number, samples, engine_state) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?)";
    private static final String NEWEST = "SELECT last_seq, last_t_ms, engine_state FROM sample_block "
            + "WHERE run_id = ? ORDER BY run_id DESC, first_seq DESC LIMIT 1";

    private BlockWriter() {
    }

    /**
     * @param stateAfter the engine state after sample {@code k} of {@code samples}, or null if unknown
     */
    static void insert(Connection c, long runId, SampleBlock samples, IntFunction<String> stateAfter)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int from = 0; from < samples.count(); from += SampleBlock.MAX_SAMPLES) {
                int to = Math.min(samples.count(), from + SampleBlock.MAX_SAMPLES);
                SampleBlock block = samples.slice(from, to);
                String state = stateAfter.apply(to - 1);
                insert.setLong(1, runId);
                insert.setLong(2, block.firstSeq());
                insert.setLong(3, block.lastSeq());
                insert.setLong(4, block.epochMillis(0));
                insert.setLong(5, block.epochMillis(block.count() - 1));
                insert.setInt(6, block.count());
                insert.setInt(7, block.minStepNumber());
                insert.setInt(8, block.maxStepNumber());
                insert.setBytes(9, SampleBlockCodec.encode(block));
                insert.setBytes(10, state == null ? null : EngineStateBytes.compress(state, null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The run's last stored sample and the state after it, from its newest block; empty if it has none. */
    static RunProgress newest(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NEWEST)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return RunProgress.NONE;
                }
                byte[] state = rs.getBytes(3);
                return new RunProgress(rs.getLong(1), rs.getLong(2),
                        state == null ? null : EngineStateBytes.decompress(state, null));
            }
        }
    }
}
