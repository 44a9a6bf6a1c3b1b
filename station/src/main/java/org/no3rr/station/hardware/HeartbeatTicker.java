package org.no3rr.station.hardware;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.no3rr.hal.watchdog.GpioHeartbeat;

/**
 * Toggles the watchdog heartbeat on a daemon thread of its own — but only while every running
 * channel's control loop is on time ({@link ControlLoopWatch#onTime()}): the heartbeat says that
 * control works, not merely that the JVM is alive. A stalled loop stops the edges and the external
 * monostable (about 1.5 s) drops every relay in hardware. Not on Quarkus's scheduler or an HTTP
 * thread: a pool busy with requests or a long job must not delay an edge under a run that is fine.
 */
final class HeartbeatTicker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HeartbeatTicker.class);

    private final GpioHeartbeat heartbeat;
    private final BooleanSupplier controlOnTime;
    private final ScheduledExecutorService thread;
    private volatile boolean failing;
    private volatile boolean withheld;

    HeartbeatTicker(GpioHeartbeat heartbeat, BooleanSupplier controlOnTime) {
        this.heartbeat = heartbeat;
        this.controlOnTime = controlOnTime;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "watchdog-heartbeat");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        long interval = heartbeat.toggleIntervalMillis();
        thread.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Edges made so far. */
    long edges() {
        return heartbeat.edges();
    }

    /**
     * One edge. A failure is logged once, not every 250 ms, and the ticker keeps trying: if the pin
     * stays dead the watchdog drops the relays, which is the point.
     */
    private void tick() {
        if (!controlOnTime.getAsBoolean()) {
            if (!withheld) {
                withheld = true;
                LOG.error("Watchdog heartbeat stopped: a channel's control loop stalled; the hardware watchdog will open"
                        + " every relay");
            }
            return;
        }
        if (withheld) {
            withheld = false;
            LOG.info("Watchdog heartbeat toggles again: every running control loop is on time");
        }
        try {
            heartbeat.toggle();
            if (failing) {
                failing = false;
                LOG.info("Watchdog heartbeat toggles again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.errorf("Watchdog heartbeat failed; the hardware watchdog will open the relays: %s", e.getMessage());
            }
        }
    }

    /** Stops the edges and leaves the pin low, so the external watchdog times out. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat.toSafeState();
    }
}
