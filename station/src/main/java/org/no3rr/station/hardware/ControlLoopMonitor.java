package org.no3rr.station.hardware;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.channel.LiveStatus;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.store.RunEvent;
import org.no3rr.engine.RunState;
import org.no3rr.station.store.RunStore;

/**
 * Runs the {@link ControlLoopWatch} on a daemon thread of its own ({@code control-loop-watch}),
 * every 100 ms, and deals with a stalled loop from that thread: the channel's relay is interlocked
 * so the stalled runner cannot close it again, the channel goes to its safe state (relay first,
 * never waiting for an I2C bus), and its run is faulted in the store with a FAULT event.
 */
@ApplicationScoped
public class ControlLoopMonitor {

    private static final Logger LOG = Logger.getLogger(ControlLoopMonitor.class);
    /** The interlock key of a channel whose control loop stalled. */
    static final String INTERLOCK = "control-loop";
    static final long CHECK_MILLIS = 100;

    private final ControlLoopWatch watch;
    private final Instance<ChannelManager> channels;
    private final Instance<RunStore> runs;
    private final ScheduledExecutorService thread;

    @Inject
    ControlLoopMonitor(StationConfig config, Instance<ChannelManager> channels, Instance<RunStore> runs) {
        this.channels = channels;
        this.runs = runs;
        double speed = config.hal().backend().equals(SimulatedBackend.NAME)
                ? VirtualClock.parseSpeed(config.simulation().speed()) : 1.0;
        ControlLoopWatch.StallHandler handler = new ControlLoopWatch.StallHandler() {
            @Override
            public void stalled(ControlLoopWatch.Stall stall) {
                ControlLoopMonitor.this.stalled(stall);
            }

            @Override
            public void started(String channelId) {
                channels.get().channel(channelId).ifPresent(c -> c.hardware().interlock().release(INTERLOCK));
            }
        };
        this.watch = new ControlLoopWatch(config.watchdog().missedReadings(), config.watchdog().minimumInterval().toMillis(),
                speed, System::nanoTime, handler, this::waitsOnPurpose);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "control-loop-watch");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        thread.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The watch the runners report to and the heartbeat asks. */
    public ControlLoopWatch watch() {
        return watch;
    }

    private void check() {
        try {
            watch.check();
        } catch (RuntimeException e) {
            LOG.errorf(e, "The control-loop watch failed a check: %s", e.getMessage());
        }
    }

    private boolean waitsOnPurpose(String channelId) {
        return channels.get().lastStatus(channelId).map(LiveStatus::state)
                .filter(s -> s == RunState.PAUSED || s == RunState.WAITING_FOR_ANSWER).isPresent();
    }

    private void stalled(ControlLoopWatch.Stall stall) {
        LOG.errorf("Run %d: %s", stall.runId(), stall.reason());
        Optional<StationChannel> channel = channels.get().channel(stall.channelId());
        channel.ifPresent(c -> {
            c.hardware().interlock().engage(INTERLOCK, stall.reason());
            try {
                c.hardware().toSafeState();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Channel %s could not reach its safe state after its loop stalled", c.id());
            }
        });
        long now = channel.map(c -> c.clock().millis()).orElse(System.currentTimeMillis());
        try {
            RunStore store = runs.get();
            store.changeState(stall.runId(), RunState.FAULTED, now, stall.reason());
            store.appendEvent(stall.runId(), now, RunEvent.FAULT, stall.reason());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Run %d: the stall could not be stored", stall.runId());
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
