package org.no3rr.station.store;

import org.no3rr.engine.RunState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What of a writer batch must be committed in the database with it, not just journaled: the step and
 * cycle summaries its decisions closed (stored with the samples they summarise, issue 11), the events
 * they raised for the run's history (one commit with the summaries, not one each) and, for a
 * run whose state changed (paused, waiting for an answer, ended…), its {@code run} row — state,
 * engine state, end. A batch of samples alone needs none of it: its engine states travel in the
 * journal, and the row takes them when the samples are folded into blocks.
 */
final class RunCommits {

    private static final String UPDATE_RUN = "UPDATE run SET engine_state = COALESCE(?, engine_state), state = ?, "
            + "samples_stored = ?, last_sample_ms = COALESCE(?, last_sample_ms), ended_ms = COALESCE(?, ended_ms), "
            + "end_reason = COALESCE(?, end_reason) WHERE id = ?";

    private static final String FOLDED = "UPDATE run SET engine_state = COALESCE(?, engine_state), samples_stored = ?, "
            + "last_sample_ms = ? WHERE id = ?";
    private static final String FOLDED_STATE = "UPDATE run SET engine_state = COALESCE(?, engine_state) WHERE id = ?";

    /** Each run's state as last committed by this store; a run not here gets its row written once. */
    private final Map<Long, RunState> committedStates = new HashMap<>();

    /**
     * The records the run's updates need in the database, or none.
     *
     * @param lastSeq      the run's last sample once the batch is stored
     * @param lastSampleMs that sample's time, or null if it has none
     */
    List<BatchExtra> of(long runId, List<RunProgress> updates, long lastSeq, Long lastSampleMs) {
        List<BatchExtra> extras = new ArrayList<>();
        RunState before = committedStates.get(runId);
        boolean stateChanged = false;
        for (RunProgress p : updates) {
            if (!p.closedSteps().isEmpty() || !p.closedCycles().isEmpty()) {
                extras.add(c -> SummaryStore.insert(c, runId, p.closedSteps(), p.closedCycles()));
            }
            if (!p.events().isEmpty()) {
                extras.add(c -> RunStore.insertEvents(c, runId, p.events()));
            }
            stateChanged |= p.state() != before;
            before = p.state();
        }
        if (!extras.isEmpty() || stateChanged) {
            RunProgress last = updates.get(updates.size() - 1);
            boolean ended = last.state().isFinal();
            extras.add(c -> {
                try (PreparedStatement ps = c.prepareStatement(UPDATE_RUN)) {
                    ps.setString(1, last.engineState());
                    ps.setString(2, last.state().name());
                    ps.setLong(3, lastSeq);
                    ps.setObject(4, lastSampleMs);
                    ps.setObject(5, ended ? last.epochMillis() : null);
                    ps.setString(6, ended ? last.endReason() : null);
                    ps.setLong(7, runId);
                    ps.executeUpdate();
                }
            });
        }
        return extras;
    }

    /**
     * Inside a fold's transaction: the run's whole tail goes into blocks, so its row takes where its
     * samples end and the engine state after its last decision (null: keep the row's).
     */
    static void folded(Connection c, long runId, SampleBlock tail, String engineState) throws SQLException {
        boolean samples = tail.count() > 0;
        try (PreparedStatement ps = c.prepareStatement(samples ? FOLDED : FOLDED_STATE)) {
            ps.setString(1, engineState);
            if (samples) {
                ps.setLong(2, tail.lastSeq());
                ps.setLong(3, tail.epochMillis(tail.count() - 1));
            }
            ps.setLong(samples ? 4 : 2, runId);
            ps.executeUpdate();
        }
    }

    /** Once the batch is stored: the runs' states as now committed. */
    void stored(Map<Long, List<RunProgress>> byRun) {
        byRun.forEach((run, updates) -> committedStates.put(run, updates.get(updates.size() - 1).state()));
    }
}
