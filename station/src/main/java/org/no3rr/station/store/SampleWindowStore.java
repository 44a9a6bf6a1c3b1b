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
 * window, and their count is known before reading any of them. Samples committed after that
 * look-up are not in the range, so the count stays exact while the run goes on.
 */
@ApplicationScoped
public class SampleWindowStore {

    private static final String FIRST_AT_OR_AFTER = "SELECT seq FROM sample WHERE run_id = ? AND t_ms >= ? "
            + "ORDER BY t_ms, seq LIMIT 1";
    private static final String LAST_AT_OR_BEFORE = "SELECT seq FROM sample WHERE run_id = ? AND t_ms <= ? "
            + "ORDER BY t_ms DESC, seq DESC LIMIT 1";

    @Inject
    DataSource dataSource;

    /** The samples of the run stamped between the two epoch times, both inclusive; empty if none. */
    public Optional<SeqRange> window(long runId, long fromEpochMillis, long toEpochMillis) {
        if (fromEpochMillis > toEpochMillis) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            Long first = seq(c, FIRST_AT_OR_AFTER, runId, fromEpochMillis);
            Long last = seq(c, LAST_AT_OR_BEFORE, runId, toEpochMillis);
            if (first == null || last == null || first > last) {
                return Optional.empty();
            }
            return Optional.of(new SeqRange(first, last));
        } catch (SQLException e) {
            throw new StorageException("could not find the sample window of run " + runId, e);
        }
    }

    private static Long seq(Connection c, String sql, long runId, long epochMillis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setLong(2, epochMillis);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Sequence numbers {@code first..last}, both inclusive; {@code first <= last}. */
    public record SeqRange(long first, long last) {

        public long count() {
            return last - first + 1;
        }
    }
}
