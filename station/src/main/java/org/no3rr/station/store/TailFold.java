package org.no3rr.station.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves open tails into {@code sample_block} in one transaction, together with what a batch must
 * commit with them ({@link BatchExtra}) and its marker, and keeps {@link StoredProgress} up to date
 * with where each run's blocks now end.
 */
final class TailFold {

    private static final String SENTINEL_DELETE = "DELETE FROM sample_block WHERE run_id = 0";
    private static final String SENTINEL_INSERT = "INSERT INTO sample_block (run_id, first_seq, last_seq, "
            + "first_t_ms, last_t_ms, sample_count, min_step_number, max_step_number, samples) "
            + "VALUES (0, 0, 0, 0, 0, 0, 0, 0, X'00')";

    private final StoredProgress stored;

    TailFold(StoredProgress stored) {
        this.stored = stored;
    }

    /**
     * One transaction: the samples as blocks — only whole ones unless {@code partial} — with the
     * engine state into the row of each run whose tail goes whole, the extras with their marker, and
     * the sentinel that keeps H2 from rewriting the newest block when the next one is appended
     * (docs/storage.md); markers below {@code markersBelow} (of journal areas no longer read) go with it.
     *
     * @param marker 0, or the marker the batch's journal record names
     * @return per run, how many of its tail's samples are now in blocks (all of them: its tail may go)
     */
    Map<Long, Integer> fold(Connection c, Map<Long, SampleBlock> samples, Map<Long, String> states,
                            List<BatchExtra> extras, long marker, boolean partial, long markersBelow)
            throws SQLException {
        Map<Long, SampleBlock> folded = new LinkedHashMap<>();
        Map<Long, Integer> counts = new LinkedHashMap<>();
        samples.forEach((run, all) -> {
            int count = partial ? all.count() : all.count() / SampleBlock.MAX_SAMPLES * SampleBlock.MAX_SAMPLES;
            if (count > 0) {
                folded.put(run, count == all.count() ? all : all.slice(0, count));
            }
            if (count > 0 || all.count() == 0) {
                counts.put(run, count);
            }
        });
        if (counts.isEmpty() && extras.isEmpty() && marker == 0) {
            return counts;
        }
        c.setAutoCommit(false);
        try {
            for (Map.Entry<Long, SampleBlock> run : folded.entrySet()) {
                BlockWriter.insert(c, run.getKey(), run.getValue());
            }
            for (Map.Entry<Long, Integer> run : counts.entrySet()) {
                SampleBlock all = samples.get(run.getKey());
                if (run.getValue() == all.count()) {
                    RunCommits.folded(c, run.getKey(), all, states.get(run.getKey()));
                }
            }
            if (!folded.isEmpty()) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(SENTINEL_DELETE);
                    s.executeUpdate(SENTINEL_INSERT);
                    s.executeUpdate("DELETE FROM journal_commit WHERE id < " + markersBelow);
                }
            }
            for (BatchExtra extra : extras) {
                extra.write(c);
            }
            if (marker != 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_commit (id) VALUES (?)")) {
                    ps.setLong(1, marker);
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        folded.forEach((run, block) -> stored.put(run, new SampleEnd(block.lastSeq(),
                block.epochMillis(block.count() - 1), null)));
        return counts;
    }
}
