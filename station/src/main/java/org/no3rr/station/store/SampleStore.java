package org.no3rr.station.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Samples in plain JDBC, stored as blocks of consecutive samples of a run ({@code sample_block},
 * see {@link SampleBlockCodec}): H2 returns a few hundred thousand rows a second whatever their
 * width, so a million samples as a million rows take seconds to read back, and as a thousand
 * blocks tens of milliseconds. Writers hand in samples, readers get samples back; blocks are
 * visible only to callers that ask for them ({@link #forEachBlockBetween}).
 */
@ApplicationScoped
public class SampleStore {

    /** Blocks read per query: enough to amortise the query, few enough (≈ 1 MB) to keep memory flat. */
    private static final int BLOCKS_PER_READ = 32;

    private static final String UPDATE_RUN = "UPDATE run SET engine_state = ?, state = ?, "
            + "samples_stored = samples_stored + ?, last_sample_ms = COALESCE(?, last_sample_ms), "
            + "ended_ms = COALESCE(?, ended_ms), end_reason = COALESCE(?, end_reason) WHERE id = ?";
    private static final String BLOCK_HOLDING = "SELECT first_seq FROM sample_block WHERE run_id = ? "
            + "AND first_seq <= ? ORDER BY run_id DESC, first_seq DESC LIMIT 1";
    private static final String BLOCKS_FROM = "SELECT first_seq, samples FROM sample_block WHERE run_id = ? "
            + "AND first_seq >= ? AND first_seq <= ? ORDER BY run_id, first_seq LIMIT " + BLOCKS_PER_READ;
    private static final String BLOCKS_WITH_STEP = "SELECT first_seq, samples FROM sample_block WHERE run_id = ? "
            + "AND first_seq >= ? AND min_step_number <= ? AND max_step_number >= ? ORDER BY run_id, first_seq "
            + "LIMIT 1";

    @Inject
    DataSource dataSource;

    /**
     * Stores what the runs' decisions added — samples, the step and cycle summaries they closed,
     * and per run the engine state and run state after its last decision — all in one transaction,
     * so a crash leaves either all of them or none.
     *
     * @throws StorageException if the database refuses the batch or a sample's number is already stored
     */
    public void writeBatch(List<RunProgress> progress) {
        if (progress.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<Long, List<RunProgress>> byRun = new LinkedHashMap<>();
                for (RunProgress p : progress) {
                    byRun.computeIfAbsent(p.runId(), run -> new ArrayList<>()).add(p);
                }
                for (Map.Entry<Long, List<RunProgress>> run : byRun.entrySet()) {
                    List<SampleRow> samples = run.getValue().stream().filter(RunProgress::hasSample)
                            .map(RunProgress::sample).toList();
                    if (!samples.isEmpty()) {
                        SampleBlockAppender.append(c, run.getKey(), samples);
                    }
                    for (RunProgress p : run.getValue()) {
                        SummaryStore.insert(c, run.getKey(), p.closedSteps(), p.closedCycles());
                    }
                }
                updateRuns(c, byRun);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("could not store a batch of " + progress.size() + " run updates", e);
        }
    }

    private static void updateRuns(Connection c, Map<Long, List<RunProgress>> byRun) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_RUN)) {
            for (List<RunProgress> updates : byRun.values()) {
                RunProgress last = updates.get(updates.size() - 1);
                Long lastSampleMs = null;
                long samples = 0;
                for (RunProgress p : updates) {
                    if (p.hasSample()) {
                        samples++;
                        lastSampleMs = p.sample().epochMillis();
                    }
                }
                boolean ended = last.state().isFinal();
                ps.setString(1, last.engineState());
                ps.setString(2, last.state().name());
                ps.setLong(3, samples);
                ps.setObject(4, lastSampleMs);
                ps.setObject(5, ended ? last.epochMillis() : null);
                ps.setString(6, ended ? last.endReason() : null);
                ps.setLong(7, last.runId());
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
        forEachBlockBetween(runId, firstSeq, lastSeq, (block, from, to) -> {
            for (int k = from; k < to; k++) {
                consumer.accept(block.sample(k));
            }
        });
    }

    /**
     * The samples numbered {@code firstSeq..lastSeq} (both inclusive) as the blocks that hold them,
     * in order, a few blocks in memory at a time: for readers that want columns, not samples.
     */
    public void forEachBlockBetween(long runId, long firstSeq, long lastSeq, BlockConsumer consumer) {
        if (firstSeq > lastSeq) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            long next = blockHolding(c, runId, firstSeq);
            boolean more = true;
            while (more) {
                List<SampleBlock> page = new ArrayList<>(BLOCKS_PER_READ);
                try (PreparedStatement ps = c.prepareStatement(BLOCKS_FROM)) {
                    ps.setLong(1, runId);
                    ps.setLong(2, next);
                    ps.setLong(3, lastSeq);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            page.add(SampleBlockCodec.decode(rs.getLong(1), rs.getBytes(2)));
                        }
                    }
                }
                for (SampleBlock block : page) {
                    int from = (int) Math.max(0, firstSeq - block.firstSeq());
                    int to = lastSeq - block.firstSeq() >= block.count() ? block.count()
                            : (int) (lastSeq - block.firstSeq()) + 1;
                    if (from < to) {
                        consumer.accept(block, from, to);
                    }
                }
                more = page.size() == BLOCKS_PER_READ;
                if (more) {
                    next = page.get(page.size() - 1).firstSeq() + 1;
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the samples of run " + runId, e);
        }
    }

    /** Where to start reading for {@code seq}: the block holding it, or {@code seq} if no block starts before it. */
    private static long blockHolding(Connection c, long runId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BLOCK_HOLDING)) {
            ps.setLong(1, runId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : seq;
            }
        }
    }

    /**
     * The first stored sample of a step of a run, if it recorded one. The blocks' step-number ranges
     * narrow the search; a range is only a bound, so a block without the step is passed over. One
     * block per query: a larger page would make H2 scan the rest of the run for more matches.
     */
    public Optional<StoredSample> firstSampleOfStep(long runId, int stepNumber) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(BLOCKS_WITH_STEP)) {
            long next = Long.MIN_VALUE;
            while (true) {
                ps.setLong(1, runId);
                ps.setLong(2, next);
                ps.setInt(3, stepNumber);
                ps.setInt(4, stepNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    SampleBlock block = SampleBlockCodec.decode(rs.getLong(1), rs.getBytes(2));
                    int k = block.firstOfStep(stepNumber);
                    if (k >= 0) {
                        return Optional.of(block.sample(k));
                    }
                    next = block.firstSeq() + 1;
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not read step " + stepNumber + " of run " + runId, e);
        }
    }

    /** Receives stored samples; may throw to abort the read (e.g. a client that went away). */
    @FunctionalInterface
    public interface SampleConsumer {
        void accept(StoredSample sample);
    }

    /** Receives the samples {@code from..to−1} of a block; may throw to abort the read. */
    @FunctionalInterface
    public interface BlockConsumer {
        void accept(SampleBlock block, int from, int to);
    }
}
