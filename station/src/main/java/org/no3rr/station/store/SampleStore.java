package org.no3rr.station.store;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.h2.store.fs.FilePath;
import org.jboss.logging.Logger;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.store.staged.StagedFileSystem;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Samples: blocks of consecutive samples of a run in {@code sample_block} (see
 * {@link SampleBlockCodec}), and each run's newest samples — fewer than a block — in the journal
 * next to the database file and in memory (its open tail, see {@link SampleIntake} and
 * docs/storage.md). Writers hand in samples, readers get samples back from both, in order; blocks
 * are visible only to callers that ask for them ({@link #forEachBlockBetween}).
 */
@ApplicationScoped
public class SampleStore {

    private static final Logger LOG = Logger.getLogger(SampleStore.class);

    /** The journal's size when not configured ({@code station.storage.journal-size}): two areas of 1 MiB. */
    static final int DEFAULT_JOURNAL_BYTES = 2 << 20;

    /** Blocks read per query: enough to amortise the query, few enough (≈ 1 MB) to keep memory flat. */
    private static final int BLOCKS_PER_READ = 32;

    private static final String BLOCK_HOLDING = "SELECT first_seq FROM sample_block WHERE run_id = ? "
            + "AND first_seq <= ? ORDER BY run_id DESC, first_seq DESC LIMIT 1";
    private static final String BLOCKS_FROM = "SELECT first_seq, samples FROM sample_block WHERE run_id = ? "
            + "AND first_seq >= ? AND first_seq <= ? ORDER BY run_id, first_seq LIMIT " + BLOCKS_PER_READ;
    private static final String BLOCKS_WITH_STEP = "SELECT first_seq, samples FROM sample_block WHERE run_id = ? "
            + "AND first_seq >= ? AND min_step_number <= ? AND max_step_number >= ? ORDER BY run_id, first_seq "
            + "LIMIT 1";

    @Inject
    DataSource dataSource;

    @Inject
    StationConfig config;

    /** Where the journal lives; derived from the database's URL when not set. */
    String journalPath;

    /** The journal's size in bytes; from the configuration when not set. */
    int journalBytes;

    /** How often the database file is tidied a step while samples come in (tests shorten it). */
    long compactEveryNanos = CompactionPacing.EVERY_NANOS;

    /** The clock that paces folds and tidying ({@link System#nanoTime}; tests set their own). */
    LongSupplier nanoClock = System::nanoTime;

    private final Object writeLock = new Object();
    private final AtomicLong samplesWritten = new AtomicLong();
    private final OpenTails tails = new OpenTails();
    private volatile StoredProgress stored;
    private SampleIntake intake;

    /** Folds what the journal holds into the database before anything reads or writes samples. */
    void openOnStart(@Observes @Priority(5) StartupEvent event) {
        open();
    }

    /**
     * Opens the journal and folds the samples it holds into the database, once; every other
     * method does this first, so a store used without Quarkus needs no call.
     */
    public void open() {
        if (stored != null) {
            return;
        }
        synchronized (writeLock) {
            if (stored != null) {
                return;
            }
            StoredProgress progress = new StoredProgress(dataSource);
            try {
                String path = journalPath != null ? journalPath : journalPathFor(databaseUrl());
                SampleJournal journal = SampleJournal.open(path, journalBytes > 0 ? journalBytes
                        : config != null ? (int) config.storage().journalSize().asLongValue() : DEFAULT_JOURNAL_BYTES);
                boolean staged = path.startsWith(StagedFileSystem.SCHEME + ":");
                intake = new SampleIntake(dataSource, journal, tails, progress, compactEveryNanos, nanoClock,
                        staged, staged ? slackOf(path) : DatabaseSlack.NONE);
                intake.pinOpenedVersion();
                Map<Long, Integer> recovered = intake.recover();
                if (!recovered.isEmpty()) {
                    LOG.infof("Samples recovered from the journal into the database, per run: %s", recovered);
                }
            } catch (IOException | SQLException e) {
                throw new StorageException("could not open the sample journal", e);
            }
            stored = progress;
        }
    }

    private String databaseUrl() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        }
    }

    /** The slack of the staged database file beside the journal at {@code journalPath}. */
    private static DatabaseSlack slackOf(String journalPath) {
        String databaseFile = journalPath.substring(0, journalPath.length() - ".journal".length()) + ".mv.db";
        StagedFileSystem file = (StagedFileSystem) FilePath.get(databaseFile);
        return new DatabaseSlack(file::fillSlack);
    }

    /**
     * The journal's path next to the database file, on the same H2 file system (so a test's
     * simulated disk holds both): {@code jdbc:h2:file:/d/station;…} → {@code file:/d/station.journal}.
     */
    static String journalPathFor(String url) {
        String path = url.substring("jdbc:h2:".length());
        int options = path.indexOf(';');
        path = options < 0 ? path : path.substring(0, options);
        if (path.startsWith("mem:")) {
            return "memFS:/h2-mem/" + path.substring("mem:".length()) + ".journal";
        }
        return path + ".journal";
    }

    /**
     * Stores what the runs' decisions added — samples, the step and cycle summaries they closed,
     * and per run the engine state and run state after its last decision: all or nothing, so a
     * crash of the station leaves either all of them or none. Once this returns, they survive a
     * crash of the station; after the next {@link #sync} they survive a power cut.
     *
     * @throws StorageException if the database or the journal refuses the batch, or a sample's
     *                          number is already stored, comes twice or leaves a gap
     */
    public void writeBatch(List<RunProgress> progress) {
        if (progress.isEmpty()) {
            return;
        }
        withIntake("could not store a batch of " + progress.size() + " run updates", () -> {
            intake.write(progress);
            return samplesWritten.addAndGet(progress.stream().filter(RunProgress::hasSample).count());
        });
    }

    /** Whether something was committed to the database since the last {@link #sync} (by anyone). */
    public boolean committedSinceSync() {
        return withIntake("could not read the database's version", intake::committedSinceSync);
    }

    /** Samples stored since the station started, over all runs (for the recording rate). */
    public long samplesWritten() {
        return samplesWritten.get();
    }

    /**
     * Puts every open tail into the database and forces it to the disk, so the database alone
     * holds every sample: before a backup, and when the station stops.
     */
    public void foldAll() {
        withIntake("could not move the journal's samples into the database", () -> {
            intake.foldEverything();
            return null;
        });
    }

    /** Forces what was stored since the last call to the disk; the writer calls it once a second. */
    public void sync() {
        withIntake("could not force the samples to the disk", () -> {
            intake.sync();
            return null;
        });
    }

    /**
     * Closes the journal's file, as the end of the process would: the store is not used again. A
     * staged database forces the journal before itself while it is open (docs/storage.md).
     */
    public void close() {
        synchronized (writeLock) {
            if (intake != null) {
                try {
                    intake.close();
                } catch (IOException e) {
                    LOG.warnf("The sample journal did not close cleanly: %s", e.getMessage());
                }
            }
        }
    }

    private interface IntakeCall<T> {
        T call() throws SQLException, IOException;
    }

    /** Opens the store if need be and calls the intake under the write lock; its failure becomes {@code failure}. */
    private <T> T withIntake(String failure, IntakeCall<T> call) {
        open();
        synchronized (writeLock) {
            try {
                return call.call();
            } catch (SQLException | IOException e) {
                throw new StorageException(failure, e);
            }
        }
    }

    /**
     * Where the run's stored samples end, and the engine state after its last decision if that is
     * newer than its {@code run} row's.
     */
    public SampleEnd progress(long runId) {
        open();
        Optional<OpenTails.View> tail = tails.view(runId);
        if (tail.isEmpty()) {
            return stored.of(runId);
        }
        SampleBlock samples = tail.get().samples();
        if (samples == null) {
            SampleEnd end = stored.of(runId);
            return new SampleEnd(end.lastSeq(), end.lastSampleMs(), tail.get().engineState());
        }
        return new SampleEnd(samples.lastSeq(), samples.epochMillis(samples.count() - 1), tail.get().engineState());
    }

    /** The run's samples that are only in the journal, if any. */
    Optional<SampleBlock> openTail(long runId) {
        open();
        return tails.view(runId).map(OpenTails.View::samples);
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
        // The tail first: a fold after this moment puts its samples in blocks, read or not, and the same.
        Optional<SampleBlock> tail = openTail(runId);
        long tailFirst = tail.map(SampleBlock::firstSeq).orElse(Long.MAX_VALUE);
        if (firstSeq < tailFirst) {
            readBlocks(runId, firstSeq, Math.min(lastSeq, tailFirst - 1), consumer);
        }
        if (tail.isPresent()) {
            acceptPart(tail.get(), firstSeq, lastSeq, consumer);
        }
    }

    private void readBlocks(long runId, long firstSeq, long lastSeq, BlockConsumer consumer) {
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
                    acceptPart(block, firstSeq, lastSeq, consumer);
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

    private static void acceptPart(SampleBlock block, long firstSeq, long lastSeq, BlockConsumer consumer) {
        int from = (int) Math.max(0, firstSeq - block.firstSeq());
        int to = lastSeq - block.firstSeq() >= block.count() ? block.count() : (int) (lastSeq - block.firstSeq()) + 1;
        if (from < to) {
            consumer.accept(block, from, to);
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
        Optional<SampleBlock> tail = openTail(runId);
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
                        break;
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
        return tail.filter(samples -> samples.firstOfStep(stepNumber) >= 0)
                .map(samples -> samples.sample(samples.firstOfStep(stepNumber)));
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
