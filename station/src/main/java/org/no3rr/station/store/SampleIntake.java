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
 * The store's write side. Every batch goes to the journal and its samples join their run's open
 * tail; once {@link #FOLD_BLOCKS} whole blocks have gathered over all runs, they are folded into
 * {@code sample_block} in one transaction, each block written once. A batch with
 * {@link BatchExtra}s commits them with a marker ({@code journal_commit}) that its journal record
 * names, after forcing that record to the disk, so after a crash or a power cut the record counts
 * exactly when the extras committed. When the journal's
 * area is full, the open tails move into the other area as a snapshot. docs/storage.md has the
 * reasons and the figures.
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
                    continue; // its transaction never committed: the batch was not stored
                }
                for (SampleJournal.Share share : entry.shares()) {
                    collect(share, recovered, states, ended);
                }
            }
            Map<Long, Integer> counts = new LinkedHashMap<>();
            recovered.forEach((run, samples) -> counts.put(run, samples.count()));
            foldTails(c, recovered, states, List.of(), 0, true, nextMarker);
            toDisk(c);
            journal.startGeneration(List.of());
            firstLiveMarker = nextMarker;
            return counts;
        }
    }

    private void collect(SampleJournal.Share share, Map<Long, SampleBlock> recovered, Map<Long, String> states,
                         Set<Long> ended) {
        long run = share.runId();
        if (ended.contains(run)) {
            return;
        }
        SampleBlock samples = share.samples();
        SampleBlock before = recovered.get(run);
        long next = before != null ? before.lastSeq() + 1 : stored.of(run).lastSeq() + 1;
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
     * Stores the batch: journaled, with its extras committed, and folded into blocks if enough
     * whole blocks have gathered. Whole or not at all: if this throws, the batch counts as not
     * stored (its journal record, if written, is either void or repeated by the retry).
     *
     * @throws StorageException if a sample is already stored, comes twice or leaves a gap
     */
    void write(List<SampleRow> rows, List<BatchExtra> extras) throws SQLException, IOException {
        Map<Long, List<SampleRow>> byRun = new LinkedHashMap<>();
        for (SampleRow row : rows) {
            byRun.computeIfAbsent(row.runId(), run -> new ArrayList<>()).add(row);
        }
        byRun.forEach(this::checkContinues);
        lastWriteNanos = System.nanoTime();
        long marker = extras.isEmpty() ? 0 : nextMarker++;
        List<SampleJournal.Share> shares = new ArrayList<>();
        byRun.forEach((run, runRows) -> shares.add(new SampleJournal.Share(run, blockOf(runRows),
                runRows.get(runRows.size() - 1).engineState())));
        if (!journal.append(shares, marker)) {
            moveToNextArea();
            if (!journal.append(shares, marker)) {
                foldEverything();
                if (!journal.append(shares, marker)) {
                    throw new StorageException("a batch of " + rows.size() + " samples does not fit in the journal ("
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
                List<SampleRow> runRows = byRun.getOrDefault(run, List.of());
                withBatch.put(run, tailWith(run, runRows));
                states.put(run, runRows.isEmpty() ? tails.engineState(run)
                        : runRows.get(runRows.size() - 1).engineState());
            }
        }
        if (fold || marker != 0) {
            try (Connection c = dataSource.getConnection()) {
                foldTails(c, withBatch, states, extras, marker, false, firstLiveMarker);
            }
        }
        byRun.forEach(tails::append);
        withBatch.forEach((run, all) -> tails.dropFirst(run, all.count() / SampleBlock.MAX_SAMPLES
                * SampleBlock.MAX_SAMPLES));
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The run's open tail followed by {@code rows}, as one block. */
    private SampleBlock tailWith(long run, List<SampleRow> rows) {
        SampleBlock tail = tails.samples(run);
        long first = tail != null ? tail.firstSeq() : rows.get(0).seq();
        SampleBlock all = new SampleBlock(first, (tail == null ? 0 : tail.count()) + rows.size());
        if (tail != null) {
            all.appendAll(tail, 0, tail.count());
        }
        rows.forEach(all::append);
        return all;
    }

    /**
     * One transaction: the samples as blocks — only whole ones unless {@code partial} — the extras
     * with their marker, and the sentinel that keeps H2 from rewriting the newest block when the
     * next one is appended (docs/storage.md); markers of journal areas no longer read go with it.
     */
    private void foldTails(Connection c, Map<Long, SampleBlock> samples, Map<Long, String> states,
                           List<BatchExtra> extras, long marker, boolean partial, long markersBelow)
            throws SQLException {
        Map<Long, SampleBlock> folded = new LinkedHashMap<>();
        samples.forEach((run, all) -> {
            int count = partial ? all.count() : all.count() / SampleBlock.MAX_SAMPLES * SampleBlock.MAX_SAMPLES;
            if (count > 0) {
                folded.put(run, count == all.count() ? all : all.slice(0, count));
            }
        });
        if (folded.isEmpty() && extras.isEmpty() && marker == 0) {
            return;
        }
        c.setAutoCommit(false);
        try {
            for (Map.Entry<Long, SampleBlock> run : folded.entrySet()) {
                SampleBlock block = run.getValue();
                boolean whole = block.count() == samples.get(run.getKey()).count();
                String state = whole ? states.get(run.getKey()) : null;
                BlockWriter.insert(c, run.getKey(), block, k -> k == block.count() - 1 ? state : null);
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
        folded.forEach((run, block) -> {
            if (block.count() == samples.get(run).count()) {
                stored.put(run, new RunProgress(block.lastSeq(), block.epochMillis(block.count() - 1),
                        states.get(run)));
            } else {
                stored.put(run, new RunProgress(block.lastSeq(), block.epochMillis(block.count() - 1), null));
            }
        });
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
            snapshot.add(new SampleJournal.Share(run, tails.samples(run), tails.engineState(run)));
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
            all.put(run, tails.samples(run));
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
        SampleBlock tail = tails.samples(run);
        long last = tail != null ? tail.lastSeq() : stored.of(run).lastSeq();
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
                    idle.put(run, tails.samples(run));
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
