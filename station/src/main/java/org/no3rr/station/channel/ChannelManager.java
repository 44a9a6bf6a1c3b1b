package org.no3rr.station.channel;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.station.hardware.HardwareBackend;
import org.no3rr.engine.RunControl;
import org.no3rr.station.hardware.StationChannel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Owns the channels and the thread of each channel's active run. Before anything else at start-up
 * every channel goes to its safe state; at shutdown the runners stop first, then the channels go
 * to their safe state again.
 */
@ApplicationScoped
public class ChannelManager {

    private static final Logger LOG = Logger.getLogger(ChannelManager.class);

    @Inject
    HardwareBackend backend;

    /** How long a stop waits for each runner to finish its reading and leave its run resumable. */
    private static final long RUNNER_STOP_MILLIS = TimeUnit.SECONDS.toMillis(5);

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private volatile boolean stopping;
    private volatile boolean stoppedCleanly;

    /** Runs first of all start-up observers. */
    void putEverythingSafe(@Observes @Priority(1) StartupEvent event) {
        for (StationChannel channel : backend.channels()) {
            slots.put(channel.id(), new Slot(channel));
            toSafeState(channel);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::safeStateUnlessStoppedCleanly, "safe-state-on-exit"));
        LOG.infof("%d channels of backend '%s' are in their safe state", slots.size(), backend.name());
    }

    /**
     * Stops every runner (their runs stay resumable), then puts every channel in its safe state.
     * Runners are asked, not interrupted: an interrupt during H2 file I/O can close the database.
     */
    void stopAll(@Observes @Priority(5) ShutdownEvent event) {
        stopRunnersThenMakeSafe();
        stoppedCleanly = true;
    }

    /**
     * Runners stop before the channels go safe: a channel made safe under a running loop would read
     * an open circuit and fault its run (at a fast rehearsal's pace, within milliseconds). Called by
     * Quarkus's shutdown and by the exit hook, which the JVM may run at the same time; both asking is
     * harmless.
     */
    private void stopRunnersThenMakeSafe() {
        stopping = true;
        List<Thread> threads = new ArrayList<>();
        synchronized (this) {
            for (Slot slot : slots.values()) {
                if (slot.thread != null && slot.thread.isAlive()) {
                    slot.runner.send(new RunControl.Shutdown());
                    threads.add(slot.thread);
                }
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join(RUNNER_STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        allToSafeState();
    }

    public List<StationChannel> channels() {
        return slots.values().stream().map(slot -> slot.channel).toList();
    }

    public Optional<StationChannel> channel(String id) {
        return Optional.ofNullable(slots.get(id)).map(slot -> slot.channel);
    }

    /** The channels' ids, in configuration order. */
    public List<String> ids() {
        return channels().stream().map(StationChannel::id).toList();
    }

    /** What a request naming a channel the station lacks is told: "channel 'ch9' does not exist; channels are [ch1, …]". */
    public String noSuchChannel(String id) {
        return "channel '" + id + "' does not exist; channels are " + ids();
    }

    /** The runner of the channel's active run, if a run is active. */
    public synchronized Optional<ChannelRunner> activeRunner(String channelId) {
        Slot slot = slots.get(channelId);
        if (slot == null || slot.thread == null || !slot.thread.isAlive()) {
            return Optional.empty();
        }
        return Optional.of(slot.runner);
    }

    /** The runner of a run, if that run is active on some channel. */
    public synchronized Optional<ChannelRunner> runnerOf(long runId) {
        return slots.values().stream()
                .filter(slot -> slot.thread != null && slot.thread.isAlive() && slot.runner.runId() == runId)
                .map(slot -> slot.runner)
                .findFirst();
    }

    /** The last status of the channel's latest runner, active or finished; empty if it never ran. */
    public synchronized Optional<LiveStatus> lastStatus(String channelId) {
        Slot slot = slots.get(channelId);
        return slot == null || slot.runner == null ? Optional.empty() : Optional.of(slot.runner.status());
    }

    public synchronized boolean isBusy(String channelId) {
        return activeRunner(channelId).isPresent();
    }

    /**
     * Starts the runner on its own thread; {@code afterEnd} runs on that thread once the run has
     * ended (not when the station stops), e.g. to start the channel's next queued run.
     *
     * @throws IllegalStateException if the channel already has an active run
     */
    public synchronized void launch(String channelId, ChannelRunner runner, Runnable afterEnd) {
        Slot slot = slots.get(channelId);
        if (isBusy(channelId)) {
            throw new IllegalStateException("channel " + channelId + " is busy with run " + slot.runner.runId());
        }
        slot.runner = runner;
        slot.thread = new Thread(() -> {
            runner.run();
            if (!stopping) {
                slot.thread = null;
                afterEnd.run();
            }
        }, "channel-" + channelId + "-run-" + runner.runId());
        slot.thread.start();
    }

    /**
     * For exits that skip Quarkus's shutdown (System.exit from a library, an uncaught error). A clean
     * shutdown that has finished has made everything safe and closed the backend, whose buses are gone
     * by now; one still under way, which the JVM runs beside this hook, is joined in stopping the runners.
     */
    private void safeStateUnlessStoppedCleanly() {
        if (!stoppedCleanly) {
            stopRunnersThenMakeSafe();
        }
    }

    private void allToSafeState() {
        for (Slot slot : slots.values()) {
            toSafeState(slot.channel);
        }
    }

    private static void toSafeState(StationChannel channel) {
        try {
            channel.hardware().toSafeState();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Channel %s could not reach its safe state", channel.id());
        }
    }

    private static final class Slot {
        private final StationChannel channel;
        private ChannelRunner runner;
        private volatile Thread thread;

        private Slot(StationChannel channel) {
            this.channel = channel;
        }
    }
}
