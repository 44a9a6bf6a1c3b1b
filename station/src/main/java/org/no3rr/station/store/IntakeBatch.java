package org.no3rr.station.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * A writer batch taken apart per run, in the order the runs first appear: its samples (checked to
 * continue the run's, {@link SampleContinuity}), the engine state after the run's last decision, the
 * journal record's share of the run, and what must commit in the database with it ({@link RunCommits}).
 */
final class IntakeBatch {

    private final Map<Long, List<RunProgress>> updates = new LinkedHashMap<>();
    private final Map<Long, List<SampleRow>> rows = new LinkedHashMap<>();
    private final Map<Long, String> states = new LinkedHashMap<>();
    private final List<SampleJournal.Share> shares = new ArrayList<>();
    private final List<BatchExtra> extras = new ArrayList<>();

    /**
     * @param lastSeq the run's last journaled or stored sample, before this batch
     * @throws StorageException if a sample is already stored, comes twice or leaves a gap
     */
    IntakeBatch(List<RunProgress> progress, LongUnaryOperator lastSeq, RunCommits commits) {
        for (RunProgress p : progress) {
            updates.computeIfAbsent(p.runId(), run -> new ArrayList<>()).add(p);
            List<SampleRow> runRows = rows.computeIfAbsent(p.runId(), run -> new ArrayList<>());
            if (p.hasSample()) {
                runRows.add(p.sample());
            }
        }
        rows.forEach((run, runRows) -> SampleContinuity.check(run, runRows, lastSeq.applyAsLong(run)));
        for (Map.Entry<Long, List<RunProgress>> run : updates.entrySet()) {
            long id = run.getKey();
            List<SampleRow> runRows = rows.get(id);
            List<RunProgress> runUpdates = run.getValue();
            String state = runUpdates.get(runUpdates.size() - 1).engineState();
            states.put(id, state);
            SampleBlock block = runRows.isEmpty() ? new SampleBlock(lastSeq.applyAsLong(id) + 1, 0) : blockOf(runRows);
            shares.add(new SampleJournal.Share(id, block, state));
            extras.addAll(commits.of(id, runUpdates, runRows.isEmpty() ? lastSeq.applyAsLong(id) : block.lastSeq(),
                    runRows.isEmpty() ? null : block.epochMillis(block.count() - 1)));
        }
    }

    private static SampleBlock blockOf(List<SampleRow> rows) {
        SampleBlock block = new SampleBlock(rows.get(0).seq(), rows.size());
        rows.forEach(block::append);
        return block;
    }

    /** Runs the batch updates. */
    Set<Long> runs() {
        return rows.keySet();
    }

    /** The run's samples in the batch; none for a run the batch does not update. */
    List<SampleRow> rows(long run) {
        return rows.getOrDefault(run, List.of());
    }

    boolean updates(long run) {
        return states.containsKey(run);
    }

    /** The engine state after the run's last decision in the batch. */
    String engineState(long run) {
        return states.get(run);
    }

    /** The updates per run, in order. */
    Map<Long, List<RunProgress>> updatesByRun() {
        return updates;
    }

    /** The journal record's shares, one a run. */
    List<SampleJournal.Share> shares() {
        return shares;
    }

    /** What must commit in the database with the batch; none for a batch of samples alone. */
    List<BatchExtra> extras() {
        return extras;
    }
}
