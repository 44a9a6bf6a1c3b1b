package org.no3rr.station.store;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The store's write side. Every batch of {@link RunProgress} goes to the journal — samples and the
 * engine state after each run's last decision — and joins its run's open tail; once
 * {@link #FOLD_BLOCKS} whole blocks have gathered over all runs, they are folded into
 * {@code sample_block} in one transaction ({@link TailFold}), each block written once, with the
 * engine state into the run's row. A batch that closes steps or cycles or changes a run's state
 * ({@link RunCommits}) commits those with a marker ({@code journal_commit}) that its journal record
 * names, after forcing that record to the disk, so after a crash or a power cut the record — its
 * samples — counts exactly when the summaries committed ({@link JournalReplay}). When the journal's
 * area is full, the open tails move into the other area as a snapshot. docs/storage.md has the
 * reasons and the figures.
 *
 * <p>Only one thread writes (the caller holds {@link SampleStore}'s write lock).
 */
final class SampleIntake {

    /**
     * Whole blocks that, once gathered over all runs, are folded into the database together at once:
     * samples coming in fast (a rehearsal, many channels) go in four 30 kB blocks a commit, which
     * keeps H2's metadata small beside them. Fewer are folded one run at a time, at most one fold in
     * a {@link HeavyWriteSpacing}: at a reading a second, blocks of runs started together fill
     * within seconds of each other, and four in one commit lifted their minute to 11 kB/s
     * (docs/storage.md).
     */
    static final int FOLD_BLOCKS = 4;
    /** A tail that has not grown for this long (a finished or waiting run) is folded as it is. */
    static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final DataSource dataSource;
    private final SampleJournal journal;
    private final OpenTails tails;
    private final StoredProgress stored;
    private final RunCommits commits = new RunCommits();
    private final TailFold fold;
    private final SyncedVersion synced = new SyncedVersion();
    private final CompactionPacing compaction;
    private final HeavyWriteSpacing spacing;
    private final LongSupplier nanoClock;
    private final boolean journalForcedFirst;
    private final DatabaseSlack slack;
    private long nextMarker = 1;
    /** Markers below this belong to journal areas no longer read, so their rows may go. */
    private long firstLiveMarker = 1;

    /**
     * @param compactEveryNanos  how often the file is tidied a step while samples come in
     * @param nanoClock          the clock that paces folds and tidying, as {@link System#nanoTime}
     * @param journalForcedFirst whether every force of the database forces the journal first (a
     *                           staged database file does: {@code StagedFileSystem})
     * @param slack              the zeros the database file keeps beyond its end
     */
    SampleIntake(DataSource dataSource, SampleJournal journal, OpenTails tails, StoredProgress stored,
                 long compactEveryNanos, LongSupplier nanoClock, boolean journalForcedFirst, DatabaseSlack slack) {
        this.nanoClock = nanoClock;
        this.journalForcedFirst = journalForcedFirst;
        this.slack = slack;
        long now = nanoClock.getAsLong();
        this.compaction = new CompactionPacing(compactEveryNanos, now);
        this.spacing = new HeavyWriteSpacing(now);
        this.dataSource = dataSource;
        this.journal = journal;
        this.tails = tails;
        this.stored = stored;
        this.fold = new TailFold(stored);
    }

    /**
     * Folds what the journal holds beyond each run's last block into the database — the samples
     * acknowledged before the station stopped, however it stopped — forces the database to the disk
     * and starts the journal afresh. Runs on start, before anything else is written.
     *
     * @return samples recovered per run
     */
    Map<Long, Integer> recover() throws IOException, SQLException {
        List<SampleJournal.Entry> entries = journal.replay();
        try (Connection c = dataSource.getConnection()) {
            Set<Long> committed = JournalReplay.committedMarkers(c);
            nextMarker = committed.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            JournalReplay.Recovered recovered = JournalReplay.of(entries, committed, stored);
            Map<Long, Integer> counts = recovered.counts();
            fold.fold(c, recovered.samples(), recovered.states(), List.of(), 0, true, nextMarker);
            tidyAtStart(c);
            synced.force(c);
            slack.fillAtStart();
            journal.startGeneration(List.of());
            firstLiveMarker = nextMarker;
            return counts;
        }
    }

    /**
     * Tidies the file before anything records: a first start leaves the migrations' dead chunks, which
     * tidying in small steps while samples come in would spread over the first quarter of an hour
     * of recording (docs/storage.md). At most two seconds.
     */
    private static void tidyAtStart(Connection c) throws SQLException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (DatabaseSync.compact(c, CompactionPacing.FILL_RATE, CompactionPacing.BYTES_QUIET)
                && System.nanoTime() < until) {
            // another step
        }
    }

    /**
     * Stores the batch: journaled, with what it must commit in the database committed
     * ({@link RunCommits}), and folded into blocks if enough whole blocks have gathered. Whole or
     * not at all: if this throws, the batch counts as not stored (its journal record, if written,
     * is either void or repeated by the retry).
     *
     * @throws StorageException if a sample is already stored, comes twice or leaves a gap
     */
    void write(List<RunProgress> progress) throws SQLException, IOException {
        IntakeBatch batch = new IntakeBatch(progress, this::lastSeq, commits);
        compaction.batchArrived(nanoClock.getAsLong());
        List<BatchExtra> extras = batch.extras();
        long marker = extras.isEmpty() ? 0 : nextMarker++;
        journal(batch.shares(), marker, progress.size());
        if (marker != 0 && !journalForcedFirst) {
            // The record must be on the disk before its marker can be: H2 forces its file by itself
            // at times (when a commit lets it shrink the file), not only when this store syncs it.
            // A staged database file forces the journal before itself, whoever forces it.
            journal.force();
        }
        Set<Long> runs = new LinkedHashSet<>(tails.runs());
        runs.addAll(batch.runs());
        Map<Long, SampleBlock> withBatch = new LinkedHashMap<>();
        Map<Long, String> states = new LinkedHashMap<>();
        long now = nanoClock.getAsLong();
        for (long run : foldNow(runs, batch, now)) {
            withBatch.put(run, tailWith(run, batch.rows(run)));
            states.put(run, batch.updates(run) ? batch.engineState(run) : tails.engineState(run));
        }
        Map<Long, Integer> folded = Map.of();
        if (!withBatch.isEmpty() || marker != 0) {
            try (Connection c = dataSource.getConnection()) {
                folded = fold.fold(c, withBatch, states, extras, marker, false, firstLiveMarker);
            }
            if (!withBatch.isEmpty()) {
                spacing.done(now);
            }
        }
        commits.stored(batch.updatesByRun());
        for (long run : batch.runs()) {
            tails.append(run, batch.rows(run), batch.engineState(run));
        }
        folded.forEach(tails::dropFirst);
    }

    /**
     * The runs whose whole blocks go into the database with this batch: every run once
     * {@link #FOLD_BLOCKS} whole blocks have gathered over all of them; else the run with the most
     * (the oldest run of those with as many), if the spacing of large writes allows one; else none.
     */
    private List<Long> foldNow(Set<Long> runs, IntakeBatch batch, long nowNanos) {
        int wholeBlocks = 0;
        long most = 0;
        int mostBlocks = 0;
        for (long run : runs) {
            int whole = (tails.sampleCount(run) + batch.rows(run).size()) / SampleBlock.MAX_SAMPLES;
            wholeBlocks += whole;
            if (whole > mostBlocks || (whole > 0 && whole == mostBlocks && run < most)) {
                most = run;
                mostBlocks = whole;
            }
        }
        if (wholeBlocks >= FOLD_BLOCKS) {
            return List.copyOf(runs);
        }
        return mostBlocks > 0 && spacing.allows(nowNanos) ? List.of(most) : List.of();
    }

    /** Appends the batch's record to the journal, moving to its other area, or folding everything, if it is full. */
    private void journal(List<SampleJournal.Share> shares, long marker, int updates) throws SQLException, IOException {
        if (!journal.append(shares, marker)) {
            moveToNextArea();
            if (!journal.append(shares, marker)) {
                foldEverything();
                if (!journal.append(shares, marker)) {
                    throw new StorageException("a batch of " + updates + " updates does not fit in the journal ("
                            + journal.areaSize() + " bytes an area); raise station.storage.journal-size");
                }
            }
        }
    }

    /** The run's open tail, or an empty block after its last stored sample if it holds a state alone. */
    private SampleBlock tailOrEmpty(long run) {
        SampleBlock tail = tails.samples(run);
        return tail != null ? tail : new SampleBlock(stored.of(run).lastSeq() + 1, 0);
    }

    /** The run's last journaled or stored sample. */
    private long lastSeq(long run) {
        SampleBlock tail = tails.samples(run);
        return tail != null ? tail.lastSeq() : stored.of(run).lastSeq();
    }

    /** The run's open tail followed by {@code rows}, as one block (empty if both are). */
    private SampleBlock tailWith(long run, List<SampleRow> rows) {
        SampleBlock tail = tails.samples(run);
        long first = tail != null ? tail.firstSeq() : rows.isEmpty() ? lastSeq(run) + 1 : rows.get(0).seq();
        SampleBlock all = new SampleBlock(first, (tail == null ? 0 : tail.count()) + rows.size());
        if (tail != null) {
            all.appendAll(tail, 0, tail.count());
        }
        rows.forEach(all::append);
        return all;
    }

    /**
     * The current journal area is full: the database goes to the disk (it holds what was folded),
     * then the open tails move into the other area. Tails too large for an area are folded instead.
     */
    private void moveToNextArea() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            synced.force(c);
        }
        List<SampleJournal.Share> snapshot = tails.runs().stream()
                .map(run -> new SampleJournal.Share(run, tailOrEmpty(run), tails.engineState(run)))
                .toList();
        if (journal.startGeneration(snapshot)) {
            firstLiveMarker = nextMarker;
        } else {
            foldEverything();
        }
    }

    /**
     * Folds every open tail into the database as it is, forces the database to the disk and starts
     * the journal afresh: the station stops or backs up, or the tails no longer fit the journal.
     */
    void foldEverything() throws SQLException, IOException {
        journal.force();
        Map<Long, SampleBlock> all = new LinkedHashMap<>();
        Map<Long, String> states = new LinkedHashMap<>();
        for (long run : tails.runs()) {
            all.put(run, tailOrEmpty(run));
            states.put(run, tails.engineState(run));
        }
        try (Connection c = dataSource.getConnection()) {
            // Every marker may go: every sample its record held is now in a block.
            fold.fold(c, all, states, List.of(), 0, true, nextMarker);
            all.keySet().forEach(tails::clear);
            synced.force(c);
        }
        journal.startGeneration(List.of());
        firstLiveMarker = nextMarker;
    }

    /** Closes the journal's file. */
    void close() throws IOException {
        journal.close();
    }

    /** Whether the database has a version newer than the one last forced to the disk. */
    boolean committedSinceSync() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return synced.behind(c);
        }
    }

    /** Pins the version the database opened with, which is the one on the disk. */
    void pinOpenedVersion() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            synced.pinOpened(c);
        }
    }

    /**
     * Forces to the disk what was journaled and committed since the last call — the journal first,
     * so a batch's extras are never on the disk without the batch — and folds the tails of runs that
     * stopped growing.
     */
    void sync() throws SQLException, IOException {
        journal.force();
        try (Connection c = dataSource.getConnection()) {
            if (synced.behind(c)) {
                synced.force(c);
            }
            Map<Long, SampleBlock> idle = new LinkedHashMap<>();
            Map<Long, String> states = new LinkedHashMap<>();
            for (long run : tails.runs()) {
                if (tails.idleNanos(run) > IDLE_NANOS) {
                    idle.put(run, tailOrEmpty(run));
                    states.put(run, tails.engineState(run));
                }
            }
            if (!idle.isEmpty()) {
                fold.fold(c, idle, states, List.of(), 0, true, firstLiveMarker);
                idle.keySet().forEach(tails::clear);
            }
            compactIfDue(c);
        }
    }

    /**
     * A tidying step of the database file, when one is due ({@link CompactionPacing}). Only ever
     * after the journal has been forced (moving chunks forces the database too, and a batch's extras
     * must not reach the disk before it).
     */
    private void compactIfDue(Connection c) throws SQLException {
        int bytes = compaction.bytesDue(nanoClock.getAsLong(), spacing);
        if (bytes > 0 && DatabaseSync.compact(c, CompactionPacing.FILL_RATE, bytes)) {
            synced.forget();
        }
    }
}
