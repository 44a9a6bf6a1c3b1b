package org.no3rr.station.lab.central;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.lab.LabConfig;
import org.no3rr.station.lab.central.ReplicationCursors.RunCursor;
import org.no3rr.station.lab.central.ReplicationCursors.Stream;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.store.DocumentStore;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.RunStore;
import org.no3rr.station.store.SampleStore;
import org.no3rr.station.store.StoredSample;
import org.no3rr.station.store.SummaryStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Store-and-forward from the station's H2 into the lab's central PostgreSQL ({@code station.lab.db.url}):
 * runs with their cell, protocol and state, every sample, the step and cycle summaries, events,
 * calibrations and sample readings. One background thread, batches of at most
 * {@code station.lab.db.batch-size} samples (one run's batch in memory at a time), a commit per batch and
 * only then the station's cursor. Runners never wait for it: it only reads what they stored. An outage of
 * any length is logged once, retried with backoff, and leaves the cursors where the central database's
 * last commit put them, so nothing is lost and nothing is sent twice into the views.
 *
 * <p>Samples are read through the store's read API ({@link SampleStore#forEachSampleBetween}), never its
 * table layout: the samples numbered {@code sent+1 … min(sent+batch, stored)} of each unfinished run.
 */
@ApplicationScoped
public class CentralReplicator {

    private static final Logger LOG = Logger.getLogger(CentralReplicator.class);
    /** Events, calibrations and readings per read: small rows, rare next to samples. */
    static final int ROWS_PER_READ = 1000;
    /** How long a gap in a stream's ids may stand before it counts as a rolled-back row (see {@link GapAwareCursor}). */
    private static final long GAP_GRACE_MILLIS = 10_000;
    private static final long FIRST_RETRY_MILLIS = 1000;

    @Inject
    LabConfig config;

    @Inject
    StationConfig station;

    @Inject
    StationIdentity identity;

    @Inject
    RunStore runs;

    @Inject
    SampleStore samples;

    @Inject
    SummaryStore summaries;

    @Inject
    DocumentStore documents;

    @Inject
    ReplicationCursors cursors;

    @Inject
    ReplicationStatus status;

    private final Object wake = new Object();
    private volatile boolean stopping;
    private Thread thread;

    // Touched by the replication thread only.
    private Connection central;
    private String centralId;
    private CentralWriter writer;
    private Map<Long, RunCursor> runCursors = new HashMap<>();
    private final Map<Stream, Long> streamCursors = new EnumMap<>(Stream.class);
    private final Map<Stream, GapAwareCursor> gaps = new EnumMap<>(Stream.class);
    private final Map<Long, SentRun> sentRuns = new HashMap<>();
    private final Set<Long> seenEnded = new HashSet<>();

    /** After the runs have resumed: replication is never in the way of a channel. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 600) StartupEvent event) {
        // The lab instance reads the central database; it has no runs of its own to send.
        if (config.db().url().isEmpty() || station.role() == StationConfig.Role.LAB) {
            status.state(ReplicationStatus.State.OFF);
            return;
        }
        String url = config.db().url().get();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("station.lab.db.url is '" + url + "'; it must be a PostgreSQL JDBC URL, "
                    + "e.g. jdbc:postgresql://lab-server:5432/lab");
        }
        status.state(ReplicationStatus.State.CONNECTING);
        thread = new Thread(this::loop, "lab-replication");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Replicating station %s into the central database %s", identity.stationId(), CentralConnections.describe(url));
    }

    /** Asked, never interrupted: an interrupt during H2 file I/O can close the station's database. */
    void stop(@Observes @Priority(4) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** Whether the background thread runs (never with {@code station.lab.db.url} unset). */
    public boolean running() {
        return thread != null && thread.isAlive();
    }

    private void loop() {
        long retryMillis = FIRST_RETRY_MILLIS;
        long outageSince = 0;
        while (!stopping) {
            try {
                if (central == null) {
                    connect();
                }
                boolean more = pass();
                if (outageSince != 0) {
                    LOG.infof("The central database answers again after %.0f s; replication goes on, %d samples behind",
                            (System.currentTimeMillis() - outageSince) / 1000.0, status.lagSamples());
                    outageSince = 0;
                }
                retryMillis = FIRST_RETRY_MILLIS;
                measureLag();
                status.state(status.lagSamples() == 0 ? ReplicationStatus.State.CAUGHT_UP
                        : ReplicationStatus.State.SENDING);
                if (!more) {
                    rest(config.db().idleInterval().toMillis());
                    requireReachable();
                }
            } catch (SQLException | RuntimeException e) {
                disconnect();
                String reason = e.getMessage();
                status.failed(reason);
                if (outageSince == 0) {
                    outageSince = System.currentTimeMillis();
                    LOG.warnf("Replication into the central database paused: %s. The station goes on storing locally; "
                            + "retrying every %d s at first, then up to every %d s", reason, retryMillis / 1000,
                            config.db().maxRetryInterval().toSeconds());
                } else {
                    LOG.debugf("Central database still unreachable: %s", reason);
                }
                measureLagQuietly();
                rest(retryMillis);
                retryMillis = Math.min(retryMillis * 2, config.db().maxRetryInterval().toMillis());
            }
        }
        disconnect();
    }

    private void connect() throws SQLException {
        Connection c = CentralConnections.open(config.db(), "no3rr-station " + identity.stationId());
        try {
            String id = CentralSchema.ensure(c);
            c.setAutoCommit(false);
            // Every (re)connection starts from the durable cursors, for this database's id.
            centralId = id;
            streamCursors.clear();
            gaps.clear();
            runCursors = cursors.runs(centralId);
            sentRuns.clear();
            seenEnded.clear();
            central = c;
            writer = new CentralWriter(c, identity.stationId());
        } catch (SQLException | RuntimeException e) {
            CentralConnections.closeQuietly(c);
            throw e;
        }
    }

    /** With nothing to send the connection is not used: ask the database, so an outage shows while idle too. */
    private void requireReachable() throws SQLException {
        if (!stopping && !central.isValid(CentralConnections.VALIDATION_TIMEOUT_S)) {
            throw new SQLException("the central database does not answer");
        }
    }

    private void disconnect() {
        CentralConnections.closeQuietly(central);
        central = null;
        writer = null;
    }

    /** One round over every unfinished run and every stream; true when a full batch was sent (more may wait). */
    private boolean pass() throws SQLException {
        boolean more = false;
        List<RunRecord> all = runs.list();
        for (int i = all.size() - 1; i >= 0; i--) {
            RunRecord run = all.get(i);
            RunCursor cursor = runCursors.getOrDefault(run.id(), RunCursor.start(run.id()));
            if (!cursor.complete()) {
                more |= replicate(run, cursor);
            }
        }
        more |= replicate(Stream.EVENTS, after -> runs.eventsAfter(after, ROWS_PER_READ), RunEvent::id,
                rows -> writer.insertEvents(rows));
        more |= replicate(Stream.CALIBRATIONS, after -> documents.calibrationsAfter(after, ROWS_PER_READ),
                DocumentStore.CalibrationRow::id, rows -> writer.insertCalibrations(rows));
        more |= replicate(Stream.READINGS, after -> documents.readingsAfter(after, ROWS_PER_READ),
                DocumentStore.ReadingRow::id, rows -> writer.insertReadings(rows));
        return more;
    }

    /** The run's row, its next batch of samples and the summaries they closed, in one central transaction. */
    private boolean replicate(RunRecord run, RunCursor cursor) throws SQLException {
        long from = cursor.samplesSent() + 1;
        long to = Math.min(cursor.samplesSent() + config.db().batchSize(), run.samplesStored());
        List<StoredSample> batch = new ArrayList<>((int) Math.max(0, to - from + 1));
        if (from <= to) {
            samples.forEachSampleBetween(run.id(), from, to, batch::add);
        }
        boolean ended = run.state().isFinal();
        SentRun before = sentRuns.get(run.id());
        // A summary commits with the sample that closed its step: new summaries come with new samples, at the
        // end of a run, or are found on the first look after a (re)connect.
        boolean look = !batch.isEmpty() || ended || before == null;
        List<StepSummary> steps = look ? summaries.steps(run.id()).stream()
                .filter(s -> s.stepNumber() > cursor.stepsSent()).toList() : List.of();
        List<CycleSummary> cycles = look ? summaries.cycles(run.id()).stream()
                .filter(c -> c.cycle() > cursor.cyclesSent()).toList() : List.of();
        SentRun now = SentRun.of(run);
        if (batch.isEmpty() && steps.isEmpty() && cycles.isEmpty() && now.equals(before)) {
            // Complete once a pass after the one that saw it end found nothing more.
            if (ended && !seenEnded.add(run.id()) && cursor.samplesSent() >= run.samplesStored()) {
                save(new RunCursor(run.id(), cursor.samplesSent(), cursor.stepsSent(), cursor.cyclesSent(), true));
            }
            return false;
        }
        if (ended) {
            seenEnded.add(run.id());
        }
        long sentAfter = cursor.samplesSent() + batch.size();
        Long lastSampleMs = batch.isEmpty() ? null : batch.get(batch.size() - 1).epochMillis();
        try {
            writer.upsertRun(run, sentAfter, lastSampleMs);
            if (!batch.isEmpty()) {
                writer.insertSamples(run.id(), batch);
            }
            writer.insertSteps(run.id(), steps);
            writer.insertCycles(run.id(), cycles);
            central.commit();
        } catch (SQLException e) {
            central.rollback();
            throw e;
        }
        save(new RunCursor(run.id(), sentAfter,
                steps.stream().mapToInt(StepSummary::stepNumber).max().orElse(cursor.stepsSent()),
                cycles.stream().mapToInt(CycleSummary::cycle).max().orElse(cursor.cyclesSent()), false));
        sentRuns.put(run.id(), now);
        status.sent(batch.size());
        return batch.size() == config.db().batchSize();
    }

    private void save(RunCursor cursor) {
        cursors.save(centralId, cursor);
        runCursors.put(cursor.runId(), cursor);
    }

    private <T> boolean replicate(Stream stream, Reader<T> read, ToLongFunction<T> id, Writer<T> write)
            throws SQLException {
        long cursor = streamCursors.computeIfAbsent(stream, s -> cursors.stream(centralId, s));
        List<T> rows = read.after(cursor);
        if (rows.isEmpty()) {
            return false;
        }
        try {
            write.write(rows);
            central.commit();
        } catch (SQLException e) {
            central.rollback();
            throw e;
        }
        long next = gaps.computeIfAbsent(stream, s -> new GapAwareCursor(GAP_GRACE_MILLIS))
                .advance(cursor, rows.stream().map(id::applyAsLong).toList(), System.currentTimeMillis());
        if (next != cursor) {
            cursors.advance(centralId, stream, next);
            streamCursors.put(stream, next);
        }
        return rows.size() == ROWS_PER_READ && next > cursor;
    }

    /**
     * Samples stored but not yet central, and the seconds of recorded data they span: per run from the first
     * unsent sample to the run's last, on the samples' own clock (so a simulation at any speed reads true).
     */
    private void measureLag() {
        Map<Long, RunCursor> known = centralId == null ? cursors.runs(null) : runCursors;
        long behind = 0;
        long seconds = 0;
        for (RunRecord run : runs.list()) {
            RunCursor cursor = known.getOrDefault(run.id(), RunCursor.start(run.id()));
            long missing = run.samplesStored() - cursor.samplesSent();
            if (cursor.complete() || missing <= 0) {
                continue;
            }
            behind += missing;
            long[] firstMissing = {Long.MAX_VALUE};
            samples.forEachSampleBetween(run.id(), cursor.samplesSent() + 1, cursor.samplesSent() + 1,
                    s -> firstMissing[0] = s.epochMillis());
            if (firstMissing[0] != Long.MAX_VALUE && run.lastSampleMs() != null) {
                seconds = Math.max(seconds, run.lastSampleMs() - firstMissing[0]);
            }
        }
        status.lag(behind, seconds / 1000.0);
    }

    private void measureLagQuietly() {
        try {
            measureLag();
        } catch (RuntimeException e) {
            LOG.debugf("Replication lag unknown: %s", e.getMessage());
        }
    }

    private void rest(long millis) {
        synchronized (wake) {
            if (stopping) {
                return;
            }
            try {
                wake.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }

    /** What of a run's row changes over its life: a pass upserts the row when any of it moved. */
    private record SentRun(String state, Long startedMs, Long endedMs, String endReason, String notes) {

        static SentRun of(RunRecord run) {
            return new SentRun(run.state().name(), run.startedMs(), run.endedMs(), run.endReason(), run.notes());
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        List<T> after(long afterId);
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(List<T> rows) throws SQLException;
    }
}
