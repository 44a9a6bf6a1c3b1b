package org.no3rr.station.store;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.store.fs.FilePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.no3rr.engine.RunState;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.config.DatabaseUrlConfigSourceFactory;
import org.no3rr.station.store.staged.StagedFileSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The store against a real H2 database migrated as the station migrates it: samples come back
 * exactly as written however the writer batched them, from blocks and from the journal alike;
 * blocks are written once, whole; summaries and run states commit with the samples they follow; the
 * V7 migration carries samples stored as rows over into blocks, and V9 gives such runs their step summaries.
 */
class SampleStoreTest {

    private static final long T0 = 1_763_700_000_000L;

    private JdbcDataSource h2;
    private SampleStore store;
    private SampleWindowStore windows;

    @BeforeEach
    void freshDatabase() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = new SampleStore();
        store.dataSource = h2;
        windows = new SampleWindowStore();
        windows.dataSource = h2;
        windows.samples = store;
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").target(target).load().migrate();
    }

    /**
     * Sample {@code seq} of a run: 1 Hz, a step change every 7 samples (step time from each step's
     * first sample), WE potential on even runs.
     */
    private static SampleRow row(long run, long seq) {
        int step = (int) (seq / 7) + 1;
        long firstOfStep = Math.max(1, 7L * (step - 1));
        return new SampleRow(run, seq, T0 + 1000 * seq, 1000 * (seq - firstOfStep), 1.0 + seq * 1e-6,
                seq % 2 == 0 ? -0.005 : 0.005, run % 2 == 0 ? -0.1 * seq : Double.NaN, 25.0, step / 3 + 1, step,
                step % 3, step % 2 == 0 ? StepKind.CHARGE : StepKind.DISCHARGE);
    }

    private static StoredSample stored(long run, long seq) {
        SampleRow r = row(run, seq);
        return new StoredSample(seq, r.epochMillis(), r.stepTimeMillis(), r.voltage(), r.current(),
                r.workingElectrodePotential(), r.temperature(), r.cycle(), r.stepNumber(), r.stepLine(), r.stepKind());
    }

    private static RunProgress progress(long run, long seq) {
        return RunProgress.ofSample(row(run, seq), "state-" + seq);
    }

    /** Sample {@code seq} of a run, closing step {@code step}. */
    private static RunProgress closing(long run, long seq, int step) {
        StepTotals totals = StepTotals.EMPTY.plus(0, 1.2, -0.001).plus(7000, 1.1, -0.001);
        StepSummary summary = new StepSummary(1, step, 2, StepKind.DISCHARGE, "Discharge at 1 mA", T0, T0 + 7000,
                totals, 1e-6, "7 s elapsed");
        return new RunProgress(run, row(run, seq), List.of(summary), List.of(), "state-" + seq, RunState.RUNNING,
                null, T0 + 1000 * seq);
    }

    private void insertRun(long id) throws SQLException {
        try (Connection c = h2.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO run (id, "
                + "channel_id, state, protocol_text, cell_json, hardware_json, software_version, created_ms) "
                + "VALUES (?, 'ch1', 'RUNNING', '', '{}', '{}', 'test', 0)")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private String engineState(long run) throws SQLException {
        try (Connection c = h2.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT engine_state FROM run WHERE id = ?")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private List<StoredSample> read(long run, long first, long last) {
        List<StoredSample> samples = new ArrayList<>();
        store.forEachSampleBetween(run, first, last, samples::add);
        return samples;
    }

    private int count(String sql) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<long[]> blocks(long run) throws SQLException {
        List<long[]> blocks = new ArrayList<>();
        try (Connection c = h2.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT first_seq, last_seq, sample_count FROM sample_block WHERE run_id = ? ORDER BY first_seq")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blocks.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return blocks;
    }

    /** Writes samples {@code 1..count} of the runs, interleaved, in batches of {@code batch} samples. */
    private void write(long count, int batch, long... runs) {
        List<RunProgress> rows = new ArrayList<>();
        for (long seq = 1; seq <= count; seq++) {
            for (long run : runs) {
                rows.add(progress(run, seq));
                if (rows.size() == batch) {
                    store.writeBatch(rows);
                    rows.clear();
                }
            }
        }
        if (!rows.isEmpty()) {
            store.writeBatch(rows);
        }
    }

    @Test
    void samplesWaitInTheJournalUntilAWholeBlockOfThemCanBeWrittenOnce() throws SQLException {
        migrate("latest");
        write(2500, 4, 1, 2);
        assertThat(blocks(1)).extracting(b -> b[0] + ".." + b[1] + " (" + b[2] + ")")
                .containsExactly("1..1024 (1024)", "1025..2048 (1024)");
        assertThat(read(1, 1, Long.MAX_VALUE)).isEqualTo(LongStream.rangeClosed(1, 2500).mapToObj(s -> stored(1, s))
                .toList());
        assertThat(read(2, 1020, 1030)).isEqualTo(LongStream.rangeClosed(1020, 1030).mapToObj(s -> stored(2, s))
                .toList());
        assertThat(read(2, 2040, 2060)).isEqualTo(LongStream.rangeClosed(2040, 2060).mapToObj(s -> stored(2, s))
                .toList());
        assertThat(store.progress(1)).isEqualTo(new SampleEnd(2500, T0 + 1000 * 2500, "state-2500"));

        store.foldAll();
        assertThat(blocks(1)).extracting(b -> b[0] + ".." + b[1])
                .containsExactly("1..1024", "1025..2048", "2049..2500");
        assertThat(read(1, 1, Long.MAX_VALUE)).hasSize(2500).last().isEqualTo(stored(1, 2500));
    }

    @Test
    void fewerWholeBlocksThanAFoldOfFourGoInOneRunAtATimeASpacingApart() throws SQLException {
        migrate("latest");
        AtomicLong now = new AtomicLong();
        store.nanoClock = now::get;
        long spacing = TimeUnit.SECONDS.toNanos(HeavyWriteSpacing.SPACING_SECONDS);
        write(1100, 100, 31, 32);
        assertThat(blocks(31)).as("a whole block each, and no spacing since the store opened").isEmpty();

        now.addAndGet(spacing);
        store.writeBatch(List.of(progress(31, 1101), progress(32, 1101)));
        assertThat(blocks(31)).extracting(b -> b[0] + ".." + b[1]).containsExactly("1..1024");
        assertThat(blocks(32)).as("the other run's block waits for the next spacing").isEmpty();

        now.addAndGet(spacing - 1);
        store.writeBatch(List.of(progress(31, 1102), progress(32, 1102)));
        assertThat(blocks(32)).isEmpty();
        now.addAndGet(1);
        store.writeBatch(List.of(progress(31, 1103), progress(32, 1103)));
        assertThat(blocks(32)).extracting(b -> b[0] + ".." + b[1]).containsExactly("1..1024");
        assertThat(read(32, 1, Long.MAX_VALUE)).isEqualTo(LongStream.rangeClosed(1, 1103)
                .mapToObj(s -> stored(32, s)).toList());
    }

    /**
     * On the station's staged database file: 1 MB of zeros beyond H2's end once the store has
     * opened, which H2's growth then fills without lengthening the file; none are written while
     * samples come in.
     */
    @Test
    void theStagedDatabaseFileGetsZerosBeyondItsEndToGrowInto(@TempDir Path dir) throws Exception {
        StagedFileSystem.install();
        h2.setURL("jdbc:h2:" + StagedFileSystem.SCHEME + ":file:" + dir.resolve("station")
                + DatabaseUrlConfigSourceFactory.OPTIONS);
        Connection open = h2.getConnection(); // as the station's pool does: the database stays open
        migrate("latest");
        store.open();
        long size = Files.size(dir.resolve("station.mv.db"));
        assertThat(slack(dir)).as("after the start").isEqualTo(DatabaseSlack.BYTES);

        write(8192, 200, 51);
        store.sync();
        assertThat(slack(dir)).as("H2 grew into the zeros, eight blocks and more").isLessThan(DatabaseSlack.BYTES - 80_000);
        assertThat(Files.size(dir.resolve("station.mv.db"))).as("the file did not grow").isEqualTo(size);
        store.close();
        open.close();
    }

    private long slack(Path dir) throws IOException {
        return Files.size(dir.resolve("station.mv.db"))
                - FilePath.get(StagedFileSystem.SCHEME + ":file:" + dir.resolve("station.mv.db")).size();
    }

    @Test
    void aBatchsExtrasCommitWithItAndABatchWhoseExtrasFailedIsNotStoredEvenAfterARestart() throws SQLException {
        migrate("latest");
        write(2000, 1000, 3);
        insertRun(3);
        int markers = count("SELECT COUNT(*) FROM journal_commit");
        store.writeBatch(List.of(progress(3, 2001), closing(3, 2002, 286)));
        assertThat(count("SELECT COUNT(*) FROM step_summary WHERE run_id = 3 AND step_number = 286")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM journal_commit")).as("markers").isEqualTo(markers + 1);

        // Step 286 again: its summary's key is taken, so the batch's transaction fails.
        assertThatThrownBy(() -> store.writeBatch(List.of(closing(3, 2003, 287), closing(3, 2004, 286))))
                .isInstanceOf(StorageException.class);
        assertThat(count("SELECT COUNT(*) FROM step_summary WHERE run_id = 3")).as("the summary before").isEqualTo(1);
        assertThat(read(3, 2001, Long.MAX_VALUE)).extracting(StoredSample::seq).containsExactly(2001L, 2002L);

        // The refused batch was journaled before its transaction failed; its marker never committed.
        SampleStore next = new SampleStore();
        next.dataSource = h2;
        assertThat(next.progress(3)).isEqualTo(new SampleEnd(2002, T0 + 1000 * 2002, null));
        assertThat(blocks(3)).extracting(b -> b[0] + ".." + b[1]).containsExactly("1..1024", "1025..2002");
        assertThat(count("SELECT COUNT(*) FROM journal_commit")).as("markers after the fold").isZero();
        assertThat(engineState(3)).as("the run row took the state with the fold").isEqualTo("state-2002");
        next.writeBatch(List.of(progress(3, 2003)));
        assertThat(next.progress(3).lastSeq()).isEqualTo(2003);
    }

    @Test
    void aDecisionsEventsCommitWithItsBatchAndNotWithoutIt() throws SQLException {
        migrate("latest");
        insertRun(5);
        store.writeBatch(List.of(new RunProgress(5, row(5, 1), List.of(), List.of(), "state-1", RunState.RUNNING, null,
                T0 + 1000, List.of(new DecisionEvent(T0 + 1000, RunEvent.STEP_STARTED, "step 1 (protocol line 1), "
                        + "cycle 1: Discharge at 1 mA")))));
        assertThat(count("SELECT COUNT(*) FROM run_event WHERE run_id = 5 AND kind = 'STEP_STARTED' AND t_ms = "
                + (T0 + 1000))).isEqualTo(1);

        store.writeBatch(List.of(closing(5, 2, 7)));
        // Step 7 again: its summary's key is taken, so the batch fails, and its event with it.
        RunProgress again = closing(5, 3, 7);
        assertThatThrownBy(() -> store.writeBatch(List.of(new RunProgress(5, again.sample(), again.closedSteps(),
                List.of(), "state-3", RunState.RUNNING, null, T0 + 3000,
                List.of(new DecisionEvent(T0 + 3000, RunEvent.STEP_ENDED, "step 7 ended: 7 s elapsed"))))))
                .isInstanceOf(StorageException.class);
        assertThat(count("SELECT COUNT(*) FROM run_event WHERE run_id = 5 AND kind = 'STEP_ENDED'")).isZero();
    }

    @Test
    void aRunStateThatChangesCommitsTheRunRowAndSamplesAloneStayInTheJournal() throws SQLException {
        migrate("latest");
        insertRun(4);
        store.writeBatch(List.of(progress(4, 1)));
        assertThat(engineState(4)).as("a run's first batch writes its row once").isEqualTo("state-1");
        store.writeBatch(List.of(progress(4, 2), progress(4, 3)));
        assertThat(engineState(4)).as("samples alone: the state is journaled").isEqualTo("state-1");
        assertThat(store.progress(4)).isEqualTo(new SampleEnd(3, T0 + 3000, "state-3"));

        store.writeBatch(List.of(new RunProgress(4, null, List.of(), List.of(), "paused-after-3", RunState.PAUSED,
                null, T0 + 3500)));
        assertThat(engineState(4)).isEqualTo("paused-after-3");
        assertThat(count("SELECT COUNT(*) FROM run WHERE id = 4 AND state = 'PAUSED'")).isEqualTo(1);

        // A state alone after it, without a sample, is journaled and comes back after a restart.
        store.writeBatch(List.of(new RunProgress(4, null, List.of(), List.of(), "still-paused", RunState.PAUSED,
                null, T0 + 4000)));
        assertThat(engineState(4)).isEqualTo("paused-after-3");
        SampleStore next = new SampleStore();
        next.dataSource = h2;
        assertThat(next.progress(4)).isEqualTo(new SampleEnd(3, T0 + 3000, null));
        assertThat(engineState(4)).isEqualTo("still-paused");
        assertThat(read(4, 1, 3)).isEqualTo(LongStream.rangeClosed(1, 3).mapToObj(s -> stored(4, s)).toList());
    }

    @Test
    void aStoreThatWasNotClosedLeavesItsSamplesInTheJournalAndTheNextOneFoldsThemIn() throws SQLException {
        migrate("latest");
        write(1500, 100, 21, 22);
        assertThat(blocks(21)).as("2 whole blocks gathered, fewer than 4").isEmpty();

        // The first store is dropped as a crash would drop it; the next one opens on the same files.
        SampleStore next = new SampleStore();
        next.dataSource = h2;
        assertThat(next.progress(21)).isEqualTo(new SampleEnd(1500, T0 + 1000 * 1500, null));
        assertThat(blocks(21)).extracting(b -> b[0] + ".." + b[1]).containsExactly("1..1024", "1025..1500");
        assertThat(blocks(22)).extracting(b -> b[0] + ".." + b[1]).containsExactly("1..1024", "1025..1500");
        List<StoredSample> samples = new ArrayList<>();
        next.forEachSample(22, samples::add);
        assertThat(samples).isEqualTo(LongStream.rangeClosed(1, 1500).mapToObj(s -> stored(22, s)).toList());
        next.writeBatch(List.of(progress(21, 1501)));
        assertThat(next.progress(21).lastSeq()).isEqualTo(1501);
    }

    @Test
    void aFullJournalAreaMovesTheTailsToTheOtherOrFoldsThemWhenTheyDoNotFit() throws SQLException {
        store.journalBytes = 8 * 1024;
        migrate("latest");
        write(600, 10, 31, 32);
        List<long[]> blocks = blocks(31);
        assertThat(blocks).as("tails folded when they outgrew an area of 4 kB").hasSizeGreaterThan(1);
        long next = 1;
        for (long[] block : blocks) {
            assertThat(block[0]).as("first sample of a block").isEqualTo(next);
            next = block[1] + 1;
        }
        assertThat(read(31, 1, Long.MAX_VALUE)).isEqualTo(LongStream.rangeClosed(1, 600).mapToObj(s -> stored(31, s))
                .toList());
        assertThat(store.progress(32)).isEqualTo(new SampleEnd(600, T0 + 1000 * 600, "state-600"));
    }

    @Test
    void readsOfAnyRangeReturnExactlyThatRange() {
        migrate("latest");
        write(3000, 700, 5);
        long[][] ranges = {{1, 1}, {1024, 1025}, {1, 3000}, {2999, 5000}, {3001, 4000}, {0, 0}, {50, 49},
                {-10, 3}, {700, 2100}};
        for (long[] range : ranges) {
            long first = Math.max(1, range[0]);
            long last = Math.min(3000, range[1]);
            assertThat(read(5, range[0], range[1])).as("samples %d..%d", range[0], range[1])
                    .isEqualTo(LongStream.rangeClosed(first, last).mapToObj(s -> stored(5, s)).toList());
        }
        List<StoredSample> after = new ArrayList<>();
        store.forEachSampleAfter(5, 2990, after::add);
        assertThat(after).extracting(StoredSample::seq).containsExactly(2991L, 2992L, 2993L, 2994L, 2995L, 2996L,
                2997L, 2998L, 2999L, 3000L);
        assertThat(read(6, 1, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aSampleStoredTwiceIsRefusedAndTheBatchLeavesNothing() throws SQLException {
        migrate("latest");
        write(10, 100, 7);
        assertThatThrownBy(() -> store.writeBatch(List.of(progress(8, 1), progress(7, 11), progress(7, 10))))
                .isInstanceOf(StorageException.class).hasMessage("sample 10 of run 7 comes twice in one batch");
        assertThatThrownBy(() -> store.writeBatch(List.of(progress(7, 9))))
                .isInstanceOf(StorageException.class)
                .hasMessage("sample 9 of run 7 is already stored (the run's samples go up to 10)");
        assertThat(read(8, 1, Long.MAX_VALUE)).isEmpty();
        assertThat(read(7, 1, Long.MAX_VALUE)).extracting(StoredSample::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
    }

    @Test
    void aGapInTheNumbersIsRefused() {
        migrate("latest");
        assertThatThrownBy(() -> store.writeBatch(List.of(progress(9, 1), progress(9, 2), progress(9, 5))))
                .isInstanceOf(StorageException.class)
                .hasMessage("sample 5 of run 9 does not follow sample 2: a run's samples are numbered without gaps");
        store.writeBatch(List.of(progress(9, 1), progress(9, 2)));
        assertThatThrownBy(() -> store.writeBatch(List.of(progress(9, 4))))
                .hasMessage("sample 4 of run 9 does not follow sample 2: a run's samples are numbered without gaps");
        assertThat(read(9, 1, 8)).extracting(StoredSample::seq).containsExactly(1L, 2L);
    }

    @Test
    void windowsAndStepsAreFoundAcrossBlocks() {
        migrate("latest");
        write(3000, 500, 11);
        assertThat(windows.window(11, T0 + 1000 * 1023 + 1, T0 + 1000 * 2049))
                .contains(new SampleWindowStore.SeqRange(1024, 2049));
        assertThat(windows.window(11, Long.MIN_VALUE, Long.MAX_VALUE))
                .contains(new SampleWindowStore.SeqRange(1, 3000));
        assertThat(windows.window(11, T0 + 1000 * 3000 + 1, Long.MAX_VALUE)).isEmpty();
        assertThat(windows.window(11, T0 + 1500, T0 + 1600)).isEmpty();
        assertThat(windows.window(12, Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
        int lastStep = (int) (3000 / 7) + 1;
        assertThat(store.firstSampleOfStep(11, 1)).contains(stored(11, 1));
        assertThat(store.firstSampleOfStep(11, 300)).contains(stored(11, 7 * 299));
        assertThat(store.firstSampleOfStep(11, lastStep)).contains(stored(11, 7L * (lastStep - 1)));
        assertThat(store.firstSampleOfStep(11, lastStep + 1)).isEmpty();
        // 2049..3000 are in the journal only: windows reach into it and across its border.
        assertThat(windows.window(11, T0 + 1000 * 2040, T0 + 1000 * 2060))
                .contains(new SampleWindowStore.SeqRange(2040, 2060));
        assertThat(windows.window(11, T0 + 1000 * 2500 - 1, T0 + 1000 * 2600 + 1))
                .contains(new SampleWindowStore.SeqRange(2500, 2600));
        assertThat(store.firstSampleOfStep(11, 2500 / 7 + 1)).contains(stored(11, 7L * (2500 / 7)));
    }

    @Test
    void theMigrationPacksSamplesStoredAsRowsIntoBlocks() throws SQLException {
        migrate("6");
        try (Connection c = h2.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO sample "
                + "(run_id, seq, t_ms, voltage_v, current_a, we_potential_v, temperature_c, cycle, step_number, "
                + "step_index, step_type) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (long run : new long[] {13, 14}) {
                for (long seq = 1; seq <= 2100; seq++) {
                    SampleRow r = row(run, seq);
                    ps.setLong(1, run);
                    ps.setLong(2, seq);
                    ps.setLong(3, r.epochMillis());
                    ps.setDouble(4, r.voltage());
                    ps.setDouble(5, r.current());
                    if (Double.isNaN(r.workingElectrodePotential())) {
                        ps.setNull(6, java.sql.Types.DOUBLE);
                    } else {
                        ps.setDouble(6, r.workingElectrodePotential());
                    }
                    ps.setDouble(7, r.temperature());
                    ps.setInt(8, r.cycle());
                    ps.setInt(9, r.stepNumber());
                    ps.setInt(10, r.stepLine());
                    ps.setString(11, r.stepKind().wireName());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        migrate("latest");
        SummaryStore summaries = new SummaryStore();
        summaries.dataSource = h2;
        for (long run : new long[] {13, 14}) {
            assertThat(blocks(run)).extracting(b -> b[0] + ".." + b[1])
                    .containsExactly("1..1024", "1025..2048", "2049..2100");
            assertThat(read(run, 1, Long.MAX_VALUE)).isEqualTo(LongStream.rangeClosed(1, 2100)
                    .mapToObj(s -> stored(run, s)).toList());
            var steps = summaries.steps(run);
            assertThat(steps).as("V9 summarised the old run's steps").hasSize(301);
            assertThat(steps.get(0).totals().sampleCount()).isEqualTo(6);
            assertThat(steps.get(0).durationS()).isEqualTo(5.0);
            // ±5 mA alternating each second, split at each zero crossing: 5 × 0.5 s × 2.5 mA each way
            assertThat(steps.get(0).totals().chargeCoulombs()).isCloseTo(0.00625, within(1e-15));
            assertThat(steps.get(0).totals().dischargeCoulombs()).isCloseTo(0.00625, within(1e-15));
        }
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'SAMPLE'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("tables named sample after V7").isZero();
        }
    }
}
