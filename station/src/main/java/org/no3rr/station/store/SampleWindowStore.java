package org.no3rr.station.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where a time window of a run's samples lies, for the samples endpoint; the samples themselves are
 * read with {@link SampleStore#forEachSampleBetween}.
 *
 * <p>A window is turned into a range of sequence numbers first: samples are numbered without gaps
 * and stamped on the channel's clock, which never goes backwards, so the samples between the first
 * one at or after {@code from} and the last one at or before {@code to} are exactly those in the
 * window, and their count is known before reading any of them. Samples stored after that
 * look-up are not in the range, so the count stays exact while the run goes on.
 *
 * <p>Each end is one index seek to the block that holds it (blocks carry their first and last
 * time, which grow with their numbers as the samples' times do) and a search within that block;
 * the run's open tail (samples not yet in a block) follows the blocks.
 */
@ApplicationScoped
public class SampleWindowStore {

    /** The first block whose last sample is at or after the time: it holds the first sample at or after it. */
    private static final String FIRST_AT_OR_AFTER = "SELECT first_seq, samples FROM sample_block WHERE run_id = ? "
            + "AND last_t_ms >= ? ORDER BY run_id, last_t_ms, first_seq LIMIT 1";
    /** The last block whose first sample is at or before the time: it holds the last sample at or before it. */
    private static final String LAST_AT_OR_BEFORE = "SELECT first_seq, samples FROM sample_block WHERE run_id = ? "
            + "AND first_t_ms <= ? ORDER BY run_id DESC, first_t_ms DESC, first_seq DESC LIMIT 1";

    @Inject
    DataSource dataSource;

    @Inject
    SampleStore samples;

    /** The samples of the run stamped between the two epoch times, both inclusive; empty if none. */
    public Optional<SeqRange> window(long runId, long fromEpochMillis, long toEpochMillis) {
        if (fromEpochMillis > toEpochMillis) {
            return Optional.empty();
        }
        Optional<SampleBlock> tail = samples.openTail(runId);
        try (Connection c = dataSource.getConnection()) {
            Long first = seq(c, FIRST_AT_OR_AFTER, runId, fromEpochMillis, true);
            if (first == null && tail.isPresent()) {
                first = inBlock(tail.get(), fromEpochMillis, true);
            }
            Long last = tail.isPresent() ? inBlock(tail.get(), toEpochMillis, false) : null;
            if (last == null) {
                last = seq(c, LAST_AT_OR_BEFORE, runId, toEpochMillis, false);
            }
            if (first == null || last == null || first > last) {
                return Optional.empty();
            }
            return Optional.of(new SeqRange(first, last));
        } catch (SQLException e) {
            throw new StorageException("could not find the sample window of run " + runId, e);
        }
    }

    private static Long seq(Connection c, String sql, long runId, long epochMillis, boolean atOrAfter)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setLong(2, epochMillis);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? inBlock(SampleBlockCodec.decode(rs.getLong(1), rs.getBytes(2)), epochMillis,
                        atOrAfter) : null;
            }
        }
    }

    private static Long inBlock(SampleBlock block, long epochMillis, boolean atOrAfter) {
        int k = atOrAfter ? block.firstAtOrAfter(epochMillis) : block.lastAtOrBefore(epochMillis);
        return k >= 0 && k < block.count() ? block.firstSeq() + k : null;
    }

    /** Sequence numbers {@code first..last}, both inclusive; {@code first <= last}. */
    public record SeqRange(long first, long last) {

        public long count() {
            return last - first + 1;
        }
    }
}
