package org.no3rr.station.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Adds one run's share of a writer batch to {@code sample_block}, inside the caller's transaction.
 *
 * <p>The run's newest block grows while the next samples fit (up to {@link SampleBlock#MAX_SAMPLES}):
 * a channel recording 10 samples/s hands the writer two samples per 200 ms batch, and a block per
 * batch would leave a week-long run with millions of tiny rows — the very row count the blocks
 * exist to avoid. The grown block is rewritten in the batch's transaction, so it is stored with the
 * batch or not at all, exactly like the samples it gained. H2 writes changed pages about once a second, so a block
 * rewritten five times in that second reaches the file once.
 */
final class SampleBlockAppender {

    private static final String NEWEST_BLOCK = "SELECT first_seq, last_seq, sample_count, samples FROM sample_block "
            + "WHERE run_id = ? ORDER BY run_id DESC, first_seq DESC LIMIT 1";
    private static final String INSERT = "INSERT INTO sample_block (run_id, first_seq, last_seq, first_t_ms, "
            + "last_t_ms, sample_count, min_step_number, max_step_number, samples) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String GROW = "UPDATE sample_block SET last_seq = ?, last_t_ms = ?, sample_count = ?, "
            + "min_step_number = ?, max_step_number = ?, samples = ? WHERE run_id = ? AND first_seq = ?";

    private SampleBlockAppender() {
    }

    /**
     * Stores the samples of one run, in the order given.
     *
     * @throws StorageException if a sample's number is already stored or repeats within {@code rows}
     */
    static void append(Connection c, long runId, List<SampleRow> rows) throws SQLException {
        SampleBlock block = newestBlockToGrow(c, runId, rows.get(0).seq(), rows.size());
        boolean stored = block != null;
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (SampleRow row : rows) {
                if (block != null && row.seq() <= block.lastSeq()) {
                    throw new StorageException("sample " + row.seq() + " of run " + runId
                            + " comes twice in one batch");
                }
                if (block == null || block.count() == SampleBlock.MAX_SAMPLES
                        || row.seq() != block.lastSeq() + 1) {
                    if (block != null) {
                        save(c, insert, runId, block, stored);
                    }
                    block = new SampleBlock(row.seq(), Math.min(rows.size(), SampleBlock.MAX_SAMPLES));
                    stored = false;
                }
                block.append(row);
            }
            save(c, insert, runId, block, stored);
            insert.executeBatch();
        }
    }

    /**
     * The run's newest block if the samples continue it and it has room for all of them; null if
     * they start a new one. All or nothing, so a large batch never rewrites the block before it.
     *
     * @throws StorageException if the first sample is already stored
     */
    private static SampleBlock newestBlockToGrow(Connection c, long runId, long firstSeq, int samples)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NEWEST_BLOCK)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long lastSeq = rs.getLong(2);
                if (firstSeq <= lastSeq) {
                    throw new StorageException("sample " + firstSeq + " of run " + runId + " is already stored "
                            + "(the run's samples go up to " + lastSeq + ")");
                }
                if (firstSeq != lastSeq + 1 || rs.getInt(3) + samples > SampleBlock.MAX_SAMPLES) {
                    return null;
                }
                return SampleBlockCodec.decode(rs.getLong(1), rs.getBytes(4));
            }
        }
    }

    private static void save(Connection c, PreparedStatement insert, long runId, SampleBlock block, boolean stored)
            throws SQLException {
        byte[] bytes = SampleBlockCodec.encode(block);
        if (stored) {
            try (PreparedStatement grow = c.prepareStatement(GROW)) {
                grow.setLong(1, block.lastSeq());
                grow.setLong(2, block.epochMillis(block.count() - 1));
                grow.setInt(3, block.count());
                grow.setInt(4, block.minStepNumber());
                grow.setInt(5, block.maxStepNumber());
                grow.setBytes(6, bytes);
                grow.setLong(7, runId);
                grow.setLong(8, block.firstSeq());
                grow.executeUpdate();
            }
            return;
        }
        insert.setLong(1, runId);
        insert.setLong(2, block.firstSeq());
        insert.setLong(3, block.lastSeq());
        insert.setLong(4, block.epochMillis(0));
        insert.setLong(5, block.epochMillis(block.count() - 1));
        insert.setInt(6, block.count());
        insert.setInt(7, block.minStepNumber());
        insert.setInt(8, block.maxStepNumber());
        insert.setBytes(9, bytes);
        insert.addBatch();
    }
}
