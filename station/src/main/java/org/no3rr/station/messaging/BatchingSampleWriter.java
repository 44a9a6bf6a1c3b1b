package org.no3rr.station.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.store.RunProgress;
import org.no3rr.station.store.SampleStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes what runs add — samples with the summaries and engine states that go
 * with them ({@link RunProgress}). It stores a batch when it holds {@code station.writer.batch-size}
 * updates or its oldest has waited {@code station.writer.max-delay}, and only then acknowledges the
 * batch's messages: a sample counts as stored once acknowledged (it then survives a crash of the
 * station). Once a second it forces what was stored to the disk, which bounds what a power cut can take.
 */
@ApplicationScoped
public class BatchingSampleWriter {

    private static final Logger LOG = Logger.getLogger(BatchingSampleWriter.class);

    @Inject
    SampleStore store;

    @Inject
    StationConfig config;

    @Inject
    StorageStatus storage;

    /** How long to wait before trying a failed batch again; short, so a freed disk is used at once. */
    static final long RETRY_MILLIS = 1000;

    /** The writer's settings; from {@code station.writer.*} unless given (see {@link #started}). */
    private StationConfig.Writer settings;

    /** Syncs come this share of {@code station.writer.sync-interval} apart, leaving time for a batch and the sync. */
    static final int SYNC_SHARE_PERCENT = 90;

    /** The longest the writer waits for a sample before it looks around (stop, syncs, others' commits). */
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final BlockingQueue<Message<RunProgress>> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    /**
     * A writer that is not a CDI bean, for benchmarks and tests that run the store without Quarkus;
     * already writing. Stop it with {@link #stopWriting}.
     */
    public static BatchingSampleWriter started(SampleStore store, StorageStatus storage,
                                               StationConfig.Writer settings) {
        BatchingSampleWriter writer = new BatchingSampleWriter();
        writer.store = store;
        writer.storage = storage;
        writer.settings = settings;
        writer.start(null);
        return writer;
    }

    /** Stops a writer made by {@link #started}, as the station's shutdown stops its own. */
    public void stopWriting() throws InterruptedException {
        stop(null);
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        if (settings == null) {
            settings = config.writer();
        }
        running = true;
        thread = new Thread(this::writeUntilStopped, "sample-writer");
        thread.setDaemon(false);
        thread.start();
    }

    /**
     * Flushes what is queued and moves the journal's samples into the database; runs after the
     * channels have stopped (higher priority observers run later on shutdown). The writer is never
     * interrupted: an interrupt during file I/O can close H2's file channel, so it notices
     * {@code running} within one poll instead.
     */
    void stop(@Observes @Priority(1000) ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    @Incoming(StreamChannels.SAMPLES)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> receive(Message<RunProgress> message) {
        queue.add(message);
        return CompletableFuture.completedFuture(null);
    }

    /** Samples received but not yet committed. */
    public int pending() {
        return queue.size();
    }

    public boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    /**
     * Writes batches and forces them to the disk as late as the promise allows: {@value
     * #SYNC_SHARE_PERCENT} % of the sync interval after the first write that is not yet on the
     * disk (a batch, or a commit of someone else the writer noticed), leaving the rest of the
     * interval for a batch in progress and the sync itself. At one reading a second per channel
     * that is about one sync a second, not one per 90 % of a second: each costs a page of data
     * and some of the file system's journal (docs/storage.md). Idle, it still looks every
     * {@value #SYNC_SHARE_PERCENT} % of the interval, for runs gone quiet and for tidying.
     */
    private void writeUntilStopped() {
        int batchSize = settings.batchSize();
        long maxDelayNanos = settings.maxDelay().toNanos();
        long syncEveryNanos = settings.syncInterval().toNanos() * SYNC_SHARE_PERCENT / 100;
        long lastSync = System.nanoTime();
        boolean unsynced = false;
        long unsyncedSince = 0;
        List<Message<RunProgress>> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            long nextSync = (unsynced ? unsyncedSince : lastSync) + syncEveryNanos;
            try {
                collect(batch, batchSize, maxDelayNanos, nextSync);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            if (!batch.isEmpty()) {
                if (!unsynced) {
                    unsynced = true;
                    unsyncedSince = now;
                }
                write(batch);
                batch.clear();
            } else if (!unsynced && committedSinceSync()) {
                // Committed at most one poll ago.
                unsynced = true;
                unsyncedSince = now - POLL_NANOS;
            }
            if (System.nanoTime() - nextSync >= 0) {
                sync();
                lastSync = System.nanoTime();
                unsynced = false;
            }
        }
        try {
            store.foldAll();
        } catch (RuntimeException e) {
            LOG.warnf("The journal's samples stay in the journal until the next start: %s", e.getMessage());
        }
    }

    /** Whether others committed since the last sync; when that cannot be read, the sync will tell. */
    private boolean committedSinceSync() {
        try {
            return store.committedSinceSync();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Collects a batch, returning by {@code syncAt} (a {@link System#nanoTime}) at the latest. */
    private void collect(List<Message<RunProgress>> batch, int batchSize, long maxDelayNanos, long syncAt)
            throws InterruptedException {
        long wait = Math.min(POLL_NANOS, syncAt - System.nanoTime());
        Message<RunProgress> first = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + maxDelayNanos;
        deadline = deadline - syncAt > 0 ? syncAt : deadline;
        while (batch.size() < batchSize) {
            if (queue.drainTo(batch, batchSize - batch.size()) > 0) {
                continue;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            Message<RunProgress> next = queue.poll(remaining, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    /**
     * Commits the batch, retrying while the database refuses it: nothing is dropped, and the
     * runners, seeing {@link StorageStatus} fail, pause their channels meanwhile. Only when the
     * station stops during an outage are the batch's samples given up (never acknowledged, so a
     * resumed run continues from the last sample that was stored).
     */
    private void write(List<Message<RunProgress>> batch) {
        List<RunProgress> rows = new ArrayList<>(batch.size());
        for (Message<RunProgress> message : batch) {
            rows.add(message.getPayload());
        }
        while (true) {
            try {
                store.writeBatch(rows);
                break;
            } catch (RuntimeException e) {
                if (!storage.isFailing()) {
                    LOG.errorf("Could not store %d run updates; channels pause and the writer retries every %d ms: %s",
                            rows.size(), RETRY_MILLIS, e.getMessage());
                }
                storage.failing(e.getMessage());
                if (!running || !sleepBeforeRetry()) {
                    batch.forEach(message -> message.nack(e));
                    return;
                }
            }
        }
        if (storage.isFailing()) {
            LOG.info("Storage works again; paused channels resume");
            storage.recovered();
        }
        batch.forEach(Message::ack);
    }

    /**
     * Forces what was stored since the last time to the disk — samples, and whatever else was
     * committed meanwhile (runs, events, calibrations).
     */
    private void sync() {
        try {
            store.sync();
        } catch (RuntimeException e) {
            LOG.warnf("Could not force the stored samples to the disk: %s", e.getMessage());
        }
    }

    /** Waits {@link #RETRY_MILLIS}, or less if the station stops meanwhile; false if it stops. */
    private boolean sleepBeforeRetry() {
        long deadline = System.currentTimeMillis() + RETRY_MILLIS;
        try {
            while (running && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return running;
    }
}
