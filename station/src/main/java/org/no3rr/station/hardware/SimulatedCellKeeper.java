package org.no3rr.station.hardware;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;
import org.no3rr.hal.sim.CellSnapshot;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.service.CellDocuments;
import org.no3rr.station.store.RunRecord;
import org.no3rr.engine.RunState;
import org.no3rr.station.store.RunStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the simulated cells across a restart, so a resumed simulated run continues where it was
 * (state of charge, nitrate left, products, fade) instead of on a fresh cell.
 *
 * <p>Each channel's {@link CellSnapshot} goes to a file of its own ({@link SimulatedCellFiles}):
 * at start for a channel that has none (its fresh cell), at most every {@code
 * station.simulation.cell-save-interval} (10 min) while it changes — the channels in turn, one every
 * interval / channels from the station's start — and at shutdown after the runners have stopped. The
 * per-second write stores the snapshot taken a second earlier, by which time the samples up to it
 * have been committed (the writer commits within 200 ms), so a saved cell is never ahead of the
 * stored samples. At start-up, after the channels are safe and before runs resume, each cell is
 * restored; a cell whose run is still active is given the run's cell and then the current of every
 * stored sample after the snapshot ({@link StoredCurrentReplay}), so it has passed exactly the
 * charge the samples show. docs/simulator.md describes what a crash can still leave apart.
 */
@ApplicationScoped
public class SimulatedCellKeeper {

    private static final Logger LOG = Logger.getLogger(SimulatedCellKeeper.class);

    @Inject
    HardwareBackend backend;

    @Inject
    StationConfig config;

    @Inject
    RunStore runs;

    @Inject
    CellDocuments cells;

    @Inject
    StoredCurrentReplay replay;

    private final Map<String, CellSnapshot> taken = new HashMap<>();
    private final Map<String, CellSnapshot> written = new HashMap<>();
    /** When each channel's file was last written, in {@link System#nanoTime()}. */
    private final Map<String, Long> writtenAtNanos = new HashMap<>();
    /** When the last write of any channel was made (the station's start before the first); one per interval / channels. */
    private long lastWriteNanos = System.nanoTime();
    private int channels = 1;
    private SimulatedCellFiles files;
    private volatile boolean restored;

    /** After the channels are safe (priority 1), before the run service resumes runs. */
    void restoreAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 400) StartupEvent event) {
        if (backend instanceof SimulatedBackend simulated) {
            restoreInto(simulated);
        }
    }

    /** Restores every channel of {@code simulated} that has a readable snapshot; the others keep a fresh cell. */
    synchronized void restoreInto(SimulatedBackend simulated) {
        files = new SimulatedCellFiles(Path.of(config.dataDir()).resolve("simulator"));
        Map<String, RunRecord> active = new HashMap<>();
        runs.findByState(RunState.RUNNING, RunState.WAITING_FOR_ANSWER, RunState.PAUSED)
                .forEach(run -> active.put(run.channelId(), run));
        for (StationChannel channel : simulated.channels()) {
            SimulatedChannel<?> cell = simulated.simulatedChannel(channel.id()).orElseThrow();
            Optional<CellSnapshot> kept = read(channel.id());
            if (kept.isPresent()) {
                restore(channel, cell, kept.get(), active.get(channel.id()));
            } else {
                // The fresh cell gets its file now, before anything records: creating a file costs
                // the disk ≈ 50 KB of metadata, which then does not fall in a minute of recording,
                // and a crash before the channel's first turn finds this cell and replays the
                // stored samples' currents into it.
                save(channel.id(), cell.snapshot());
            }
        }
        restored = true;
    }

    private void restore(StationChannel channel, SimulatedChannel<?> cell, CellSnapshot snapshot, RunRecord activeRun) {
        try {
            cell.restore(snapshot);
            written.put(channel.id(), snapshot);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Channel %s starts with a fresh simulated cell: its kept cell does not fit (%s)", channel.id(),
                    e.getMessage());
            return;
        }
        if (activeRun == null) {
            LOG.infof("Simulated cell of channel %s restored as it was", channel.id());
            return;
        }
        cell.configureCell(RunCellSetup.setupOf(cells.read(activeRun.cellJson())));
        int replayed = replay.replay(cell, activeRun.id(), snapshot.simulatedMillis());
        LOG.infof("Simulated cell of channel %s restored for run %d, with the current of %d samples stored after it",
                channel.id(), activeRun.id(), replayed);
    }

    private Optional<CellSnapshot> read(String channelId) {
        try {
            return files.read(channelId).map(CellSnapshot::decode);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("Channel %s starts with a fresh simulated cell: %s could not be read (%s)", channelId,
                    files.file(channelId), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Once a second: takes a snapshot, and writes the one taken a second ago if the cell has changed
     * since the last write, that write is {@code station.simulation.cell-save-interval} old (or there
     * was none) and it is the channel's turn.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void saveChanged() {
        if (!restored || !(backend instanceof SimulatedBackend simulated)) {
            return;
        }
        channels = Math.max(1, simulated.channels().size());
        for (StationChannel channel : simulated.channels()) {
            CellSnapshot previous = taken.put(channel.id(),
                    simulated.simulatedChannel(channel.id()).orElseThrow().snapshot());
            if (previous != null) {
                saveIfChanged(channel.id(), previous);
            }
        }
    }

    /** At shutdown, after the runners have stopped (priority 5): the cells as they are now. */
    void saveAtShutdown(@Observes @Priority(6) ShutdownEvent event) {
        saveAll();
    }

    synchronized void saveAll() {
        if (!restored || !(backend instanceof SimulatedBackend simulated)) {
            return;
        }
        for (StationChannel channel : simulated.channels()) {
            save(channel.id(), simulated.simulatedChannel(channel.id()).orElseThrow().snapshot());
        }
    }

    /**
     * Writes the channel's cell as it is now — a fresh one just mounted — so a restart finds it; the
     * snapshot a second old that waits for its write is replaced, so the cell before can never follow.
     */
    public synchronized void keepNow(String channelId) {
        if (!restored || !(backend instanceof SimulatedBackend simulated)) {
            return;
        }
        CellSnapshot now = simulated.simulatedChannel(channelId).orElseThrow().snapshot();
        taken.put(channelId, now);
        save(channelId, now);
    }

    private void saveIfChanged(String channelId, CellSnapshot snapshot) {
        CellSnapshot last = written.get(channelId);
        boolean sameCell = last != null && last.kind() == snapshot.kind() && last.setup().equals(snapshot.setup())
                && last.state().equals(snapshot.state());
        if (sameCell) {
            return;
        }
        Long at = writtenAtNanos.get(channelId);
        long now = System.nanoTime();
        long interval = config.simulation().cellSaveInterval().toNanos();
        // The channels take turns, one every interval / channels from the station's start, their
        // first write too: files written and renamed together lifted the minute the runs start
        // above 8 KB/s at the device (docs/storage.md).
        if ((at == null || now - at >= interval) && now - lastWriteNanos >= interval / channels) {
            save(channelId, snapshot);
            lastWriteNanos = now;
        }
    }

    private void save(String channelId, CellSnapshot snapshot) {
        try {
            files.write(channelId, snapshot.encode());
            written.put(channelId, snapshot);
            writtenAtNanos.put(channelId, System.nanoTime());
        } catch (IOException e) {
            LOG.warnf("Simulated cell of channel %s could not be kept: %s", channelId, e.getMessage());
        }
    }
}
