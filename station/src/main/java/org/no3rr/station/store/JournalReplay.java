package org.no3rr.station.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recovery's choice of what the journal holds beyond the database: per run, the journaled samples
 * that follow its stored ones without a gap, and the engine state after the last of them. A record
 * whose marker the database lacks never counted (its transaction did not commit); a gap — samples a
 * power cut took — ends what a run can recover.
 */
final class JournalReplay {

    /**
     * @param samples per run, the samples to fold (an empty block for a run that recovers a state alone)
     * @param states  per run, the engine state after its last recovered decision
     */
    record Recovered(Map<Long, SampleBlock> samples, Map<Long, String> states) {

        /** Samples recovered per run, for runs that recovered any. */
        Map<Long, Integer> counts() {
            Map<Long, Integer> counts = new LinkedHashMap<>();
            samples.forEach((run, block) -> {
                if (block.count() > 0) {
                    counts.put(run, block.count());
                }
            });
            return counts;
        }
    }

    private final StoredProgress stored;
    private final Map<Long, SampleBlock> recovered = new LinkedHashMap<>();
    private final Map<Long, String> states = new LinkedHashMap<>();
    private final Set<Long> ended = new HashSet<>();

    private JournalReplay(StoredProgress stored) {
        this.stored = stored;
    }

    /** What of the journal's {@code entries}, read in order, the database lacks. */
    static Recovered of(List<SampleJournal.Entry> entries, Set<Long> committedMarkers, StoredProgress stored) {
        JournalReplay replay = new JournalReplay(stored);
        for (SampleJournal.Entry entry : entries) {
            if (entry.marker() != 0 && !committedMarkers.contains(entry.marker())) {
                continue; // its transaction never committed: the batch was not stored
            }
            for (SampleJournal.Share share : entry.shares()) {
                replay.collect(share);
            }
        }
        return new Recovered(replay.recovered, replay.states);
    }

    /** The markers ({@code journal_commit}) of the batches whose transactions committed. */
    static Set<Long> committedMarkers(Connection c) throws SQLException {
        Set<Long> markers = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM journal_commit")) {
            while (rs.next()) {
                markers.add(rs.getLong(1));
            }
        }
        return markers;
    }

    /**
     * Takes a journaled share's samples that the database lacks, and its engine state if it is not
     * older than the database's: a share with new samples, or a state alone journaled after the
     * stored samples' end (a power cut may have kept a fold the journal lost; its row state is newer).
     */
    private void collect(SampleJournal.Share share) {
        long run = share.runId();
        if (ended.contains(run)) {
            return;
        }
        SampleBlock samples = share.samples();
        SampleBlock before = recovered.get(run);
        long next = before != null ? before.lastSeq() + 1 : stored.of(run).lastSeq() + 1;
        if (samples.count() == 0) {
            if (samples.firstSeq() > next) {
                ended.add(run); // journaled after samples a power cut took: like a gap
            } else if (samples.firstSeq() == next && share.engineState() != null) {
                recovered.computeIfAbsent(run, r -> new SampleBlock(next, 0));
                states.put(run, share.engineState());
            }
            return;
        }
        long skip = next - samples.firstSeq();
        if (skip < 0) {
            // A gap: the samples before it were lost in a power cut, so those after it count for nothing.
            ended.add(run);
        } else if (skip < samples.count()) {
            if (before == null) {
                before = new SampleBlock(next, samples.count());
                recovered.put(run, before);
            }
            before.appendAll(samples, (int) skip, samples.count());
            states.put(run, share.engineState());
        }
    }
}
