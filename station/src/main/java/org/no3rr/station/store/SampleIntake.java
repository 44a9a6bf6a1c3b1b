package org.no3rr.station.store;

import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The store's write side. Every batch of {@link RunProgress} goes to the journal — samples and the
 * engine state after each run's last decision — and joins its run's open tail; once
 * {@link #FOLD_BLOCKS} whole blocks have gathered over all runs, they are folded into
 * {@code sample_block} in one transaction, each block written once, with the engine state into the
 * run's row. A batch that closes steps or cycles or changes a run's state ({@link RunCommits})
 * commits those with a marker ({@code journal_commit}) that its journal record names, after forcing
 * that record to the disk, so after a crash or a power cut the record — its samples — counts
 * exactly when the summaries committed. When the journal's area is full, the open tails move into
 * the other area as a snapshot. docs/storage.md has the reasons and the figures.
 *
 * <p>Only one thread writes (the caller holds {@link SampleStore}'s write lock).
 */
final class SampleIntake {

    /**
     * Whole blocks that must have gathered before they are folded into the database: each commit
     * costs H2 ≈ 18 kB of metadata besides its blocks, so four 30 kB blocks per commit keep the file
     * ≈ 87 % samples, and a commit stays small enough not to lift a minute's write rate much.
     */
    static final int FOLD_BLOCKS = 4;
    /** A tail that has not grown for this long (a finished or waiting run) is folded as it is. */
    static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** The database file is tidied while less than this percentage of it is live (see {@link DatabaseSync#compact}). */
    static final int FILL_RATE = 90;
    /** Bytes moved per tidying step while samples come in, one step a {@code compactEveryNanos}: ≤ 1 kB/s. */
    static final int COMPACT_BYTES_RECORDING = 64 * 1024;
    static final long COMPACT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** … and per second once no sample has come for {@link #QUIET_NANOS}. */
    static final int COMPACT_BYTES_QUIET = 4 << 20;
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final String SENTINEL_DELETE = "DELETE FROM sample_block WHERE run_id = 0";
    private static final String SENTINEL_INSERT = "INSERT INTO sample_block (run_id, first_seq, last_seq, "
            + "first_t_ms, last_t_ms, sample_count, min_step_number, max_step_number, samples) "
            + "VALUES (0, 0, 0, 0, 0, 0, 0, 0, X'00')";

    private final DataSource dataSource;
    private final SampleJournal journal;
    private final OpenTails tails;
    private final StoredProgress stored;
    private final RunCommits commits = new RunCommits();
    private long nextMarker = 1;
    /** Markers below this belong to journal areas no longer read, so their rows may go. */
    private long firstLiveMarker = 1;
    private long syncedVersion = -1;
    /** The version last forced to the disk, pinned so that nothing it needs is overwritten. */
    private MVStore.TxCounter syncedPin;
    private long lastWriteNanos = System.nanoTime();
    private long lastCompactNanos = System.nanoTime();
    private final long compactEveryNanos;

    /** @param compactEveryNanos how often the file is tidied a step while samples come in */
    SampleIntake(DataSource dataSource, SampleJournal journal, OpenTails tails, StoredProgress stored,
                 long compactEveryNanos) {
        this.compactEveryNanos = compactEveryNanos;
        this.dataSource = dataSource;
        this.journal = journal;
        this.tails = tails;
        this.stored = stored;
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
        Map<Long, SampleBlock> recovered = new LinkedHashMap<>();
        Map<Long, String> states = new LinkedHashMap<>();
        Set<Long> ended = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            Set<Long> committed = markers(c);
            nextMarker = committed.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            for (SampleJournal.Entry entry : entries) {
                if (entry.marker() != 0 && !committed.contains(entry.marker())) {
                    // Its transaction did not reach the disk, so the batch was not stored, nor is any
                    // after it: a later record can be on the disk (the journal is forced before each
                    // marker commits) while the database lost its last second, and taking it would
                    // leave a gap where this batch's samples and summaries were (the power-cut test).
                    break;
                }
                for (SampleJournal.Share share : entry.shares()) {
                    collect(share, recovered, states, ended);
                }
            }
            Map<Long, Integer> counts = new LinkedHashMap<>();
            recovered.forEach((run, samples) -> {
                if (samples.count() > 0) {
                    counts.put(run, samples.count());
                }
            });
            foldTails(c, recovered, states, List.of(), 0, true, nextMarker);
            tidyAtStart(c);
            toDisk(c);
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
        while (DatabaseSync.compact(c, FILL_RATE, COMPACT_BYTES_QUIET) && System.nanoTime() < until) {
            // another step
        }
    }

    /**
     * Takes a journaled share's samples that the database lacks, and its engine state if it is not
     * older than the database's: a share with new samples, or a state alone journaled after the
     * stored samples' end (a power cut may have kept a fold the journal lost; its row state is newer).
     */
    private void collect(SampleJournal.Share share, Map<Long, SampleBlock> recovered, Map<Long, String> states,
                         Set<Long> ended) {
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

    private static Set<Long> markers(Connection c) throws SQLException {
        Set<Long> markers = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM journal_commit")) {
            while (rs.next()) {
                markers.add(rs.getLong(1));
            }
        }
        return markers;
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
        Map<Long, List<RunProgress>> updates = new LinkedHashMap<>();
        Map<Long, List<SampleRow>> byRun = new LinkedHashMap<>();
        for (RunProgress p : progress) {
            updates.computeIfAbsent(p.runId(), run -> new ArrayList<>()).add(p);
            List<SampleRow> runRows = byRun.computeIfAbsent(p.runId(), run -> new ArrayList<>());
            if (p.hasSample()) {
                runRows.add(p.sample());
            }
        }
        byRun.forEach(this::checkContinues);
        lastWriteNanos = System.nanoTime();
        List<BatchExtra> extras = new ArrayList<>();
        List<SampleJournal.Share> shares = new ArrayList<>();
        Map<Long, String> batchStates = new LinkedHashMap<>();
        for (Map.Entry<Long, List<RunProgress>> run : updates.entrySet()) {
            List<SampleRow> runRows = byRun.get(run.getKey());
            List<RunProgress> runUpdates = run.getValue();
            String state = runUpdates.get(runUpdates.size() - 1).engineState();
            batchStates.put(run.getKey(), state);
            SampleBlock block = runRows.isEmpty() ? new SampleBlock(lastSeq(run.getKey()) + 1, 0) : blockOf(runRows);
            shares.add(new SampleJournal.Share(run.getKey(), block, state));
            extras.addAll(commits.of(run.getKey(), runUpdates, runRows.isEmpty() ? lastSeq(run.getKey())
                    : block.lastSeq(), runRows.isEmpty() ? null : block.epochMillis(block.count() - 1)));
        }
        long marker = extras.isEmpty() ? 0 : nextMarker++;
        if (!journal.append(shares, marker)) {
            moveToNextArea();
            if (!journal.append(shares, marker)) {
                foldEverything();
                if (!journal.append(shares, marker)) {
                    throw new StorageException("a batch of " + progress.size() + " updates does not fit in the journal ("
                            + journal.areaSize() + " bytes an area); raise station.storage.journal-size");
                }
            }
        }
        if (marker != 0) {
            // The record must be on the disk before its marker can be: H2 forces its file by itself
            // at times (when a commit lets it shrink the file), not only when this store syncs it.
            journal.force();
        }
        Set<Long> runs = union(tails.runs(), byRun.keySet());
        int wholeBlocks = 0;
        for (long run : runs) {
            wholeBlocks += (tails.sampleCount(run) + byRun.getOrDefault(run, List.of()).size()) / SampleBlock.MAX_SAMPLES;
        }
        boolean fold = wholeBlocks >= FOLD_BLOCKS;
        Map<Long, SampleBlock> withBatch = new LinkedHashMap<>();
        Map<Long, String> states = new LinkedHashMap<>();
        if (fold) {
            for (long run : runs) {
                withBatch.put(run, tailWith(run, byRun.getOrDefault(run, List.of())));
                states.put(run, batchStates.containsKey(run) ? batchStates.get(run) : tails.engineState(run));
            }
        }
        Map<Long, Integer> folded = Map.of();
        if (fold || marker != 0) {
            try (Connection c = dataSource.getConnection()) {
                folded = foldTails(c, withBatch, states, extras, marker, false, firstLiveMarker);
            }
        }
        commits.stored(updates);
        byRun.forEach((run, runRows) -> tails.append(run, runRows, batchStates.get(run)));
        folded.forEach(tails::dropFirst);
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

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
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
     * One transaction: the samples as blocks — only whole ones unless {@code partial} — with the
     * engine state into the row of each run whose tail goes whole, the extras with their marker, and
     * the sentinel that keeps H2 from rewriting the newest block when the next one is appended
     * (docs/storage.md); markers of journal areas no longer read go with it.
     *
     * @return per run, how many of its tail's samples are now in blocks (all of them: its tail may go)
     */
    private Map<Long, Integer> foldTails(Connection c, Map<Long, SampleBlock> samples, Map<Long, String> states,
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

    /**
     * The current journal area is full: the database goes to the disk (it holds what was folded),
     * then the open tails move into the other area. Tails too large for an area are folded instead.
     */
    private void moveToNextArea() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            toDisk(c);
        }
        List<SampleJournal.Share> snapshot = new ArrayList<>();
        for (long run : tails.runs()) {
            snapshot.add(new SampleJournal.Share(run, tailOrEmpty(run), tails.engineState(run)));
        }
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
            foldTails(c, all, states, List.of(), 0, true, nextMarker);
            all.keySet().forEach(tails::clear);
            toDisk(c);
        }
        journal.startGeneration(List.of());
        firstLiveMarker = nextMarker;
    }

    /** The rows must continue the run's stored samples, each following the one before. */
    private void checkContinues(long run, List<SampleRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        long last = lastSeq(run);
        long first = rows.get(0).seq();
        for (int i = 1; i < rows.size(); i++) {
            long seq = rows.get(i).seq();
            if (seq <= rows.get(i - 1).seq()) {
                throw new StorageException("sample " + seq + " of run " + run + " comes twice in one batch");
            }
            if (seq != rows.get(i - 1).seq() + 1) {
                throw gap(run, seq, rows.get(i - 1).seq());
            }
        }
        if (first <= last) {
            throw new StorageException("sample " + first + " of run " + run + " is already stored (the run's "
                    + "samples go up to " + last + ")");
        }
        if (first != last + 1) {
            throw gap(run, first, last);
        }
    }

    private static StorageException gap(long run, long seq, long before) {
        return new StorageException("sample " + seq + " of run " + run + " does not follow sample " + before
                + ": a run's samples are numbered without gaps");
    }

    private static SampleBlock blockOf(List<SampleRow> rows) {
        SampleBlock block = new SampleBlock(rows.get(0).seq(), rows.size());
        rows.forEach(block::append);
        return block;
    }

    /** Forces the database to the disk, pinning the version it forces (see {@link DatabaseSync#pin}). */
    private void toDisk(Connection c) throws SQLException {
        long version = DatabaseSync.version(c);
        MVStore.TxCounter pin = DatabaseSync.pin(c);
        DatabaseSync.toDisk(c);
        DatabaseSync.release(c, syncedPin);
        syncedPin = pin;
        syncedVersion = version;
    }

    /** Whether the database has a version newer than the one last forced to the disk. */
    boolean committedSinceSync() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return DatabaseSync.version(c) != syncedVersion;
        }
    }

    /** Pins the version the database opened with, which is the one on the disk. */
    void pinOpenedVersion() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            syncedPin = DatabaseSync.pin(c);
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
            if (DatabaseSync.version(c) != syncedVersion) {
                toDisk(c);
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
                foldTails(c, idle, states, List.of(), 0, true, firstLiveMarker);
                idle.keySet().forEach(tails::clear);
            }
            compactIfDue(c);
        }
    }

    /**
     * Tidies the database file: little while samples come in, so the write rate stays near the
     * journal's page a second; freely once they stop. Only ever after the journal has been forced
     * (moving chunks forces the database too, and a batch's extras must not reach the disk before it).
     */
    private void compactIfDue(Connection c) throws SQLException {
        long now = System.nanoTime();
        boolean quiet = now - lastWriteNanos > QUIET_NANOS;
        if (quiet || now - lastCompactNanos > compactEveryNanos) {
            lastCompactNanos = now;
            if (DatabaseSync.compact(c, FILL_RATE, quiet ? COMPACT_BYTES_QUIET : COMPACT_BYTES_RECORDING)) {
                syncedVersion = -1;
            }
        }
    }
}
