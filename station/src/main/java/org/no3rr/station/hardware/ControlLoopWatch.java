package org.no3rr.station.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.no3rr.hal.HalException;

/**
 * Watches that every running channel's control loop keeps completing readings, on the wall clock.
 * A runner reports {@link #loopStarted}, each {@link #readingDone} and {@link #loopEnded}; the
 * heartbeat toggles only while {@link #onTime()}, and {@link #check()} (run every tenth of a second
 * by {@link ControlLoopMonitor}) hands each loop that missed its readings to the stall handler once.
 *
 * <p>The rule: a loop is stalled when no reading completed for more than
 * {@code missedReadings × max(interval, minimumInterval) × max(1, 1/speed)} of wall time, where
 * {@code interval} is the run's reading interval on its own clock and {@code speed} the simulation
 * speed (1 on real hardware). At speed 60 or {@code max} a simulated interval passes in a fraction of
 * its wall time, so a rehearsal reads far more often than the rule asks and never trips it; a runner
 * that really stops is still caught within N intervals of wall time. The floor keeps a short test
 * interval from tripping on a garbage-collection pause. A loop that waits on purpose — paused, or
 * waiting for a person's answer, with the channel in its safe state — is not judged
 * ({@code idle}), and its time starts again when it goes on.
 *
 * <p>A stalled loop stays stalled until its runner ends ({@link #loopEnded}): until then the
 * heartbeat stops, so the hardware watchdog drops every relay, and a reading it still completes
 * fails ({@link #readingDone} throws), so the runner cannot carry on with a run the watch faulted.
 */
public final class ControlLoopWatch {

    /** What happens to a stalled loop, on the watch's thread; and to a channel whose new loop starts. */
    @FunctionalInterface
    public interface StallHandler {
        void stalled(Stall stall);

        /** A new loop on the channel: whatever a stalled predecessor left engaged may be released. */
        default void started(String channelId) {
            // Nothing left to release.
        }
    }

    /** A loop that missed its readings: which channel and run, and the reason given to the run. */
    public record Stall(String channelId, long runId, String reason) {
    }

    private static final class Loop {
        final long runId;
        final long allowedGapNanos;
        volatile long lastProgressNanos;
        volatile String stalledReason;

        Loop(long runId, long allowedGapNanos, long now) {
            this.runId = runId;
            this.allowedGapNanos = allowedGapNanos;
            this.lastProgressNanos = now;
        }
    }

    private final int missedReadings;
    private final long minimumIntervalMillis;
    private final double speed;
    private final LongSupplier nanoTime;
    private final StallHandler handler;
    private final Predicate<String> idle;
    private final Map<String, Loop> loops = new ConcurrentHashMap<>();

    /**
     * @param missedReadings        N, readings a loop may miss before it is stalled, at least 1
     * @param minimumIntervalMillis the shortest interval the rule assumes
     * @param speed                 simulation speed (1 on real hardware, {@code Double.POSITIVE_INFINITY} for max)
     * @param idle                  whether a channel's loop waits on purpose (paused, waiting for an answer)
     */
    public ControlLoopWatch(int missedReadings, long minimumIntervalMillis, double speed, LongSupplier nanoTime,
                            StallHandler handler, Predicate<String> idle) {
        if (missedReadings < 1) {
            throw new IllegalArgumentException("station.watchdog.missed-readings must be at least 1, was " + missedReadings);
        }
        this.missedReadings = missedReadings;
        this.minimumIntervalMillis = minimumIntervalMillis;
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.handler = handler;
        this.idle = idle;
    }

    /** A watch that judges nothing, for a backend opened outside the station (tools, tests). */
    public static ControlLoopWatch unwatched() {
        return new ControlLoopWatch(1, 0, 1.0, System::nanoTime, stall -> { }, channel -> true);
    }

    /** The wall time a loop of this reading interval may go without a reading, in ms. */
    public long allowedGapMillis(long intervalMillis) {
        double wallInterval = Math.max(intervalMillis, minimumIntervalMillis) * Math.max(1.0, 1.0 / speed);
        return Math.round(missedReadings * wallInterval);
    }

    /** A runner begins its loop; a channel's earlier stall no longer holds its relay open. */
    public void loopStarted(String channelId, long runId, long intervalMillis) {
        loops.put(channelId, new Loop(runId, allowedGapMillis(intervalMillis) * 1_000_000L, nanoTime.getAsLong()));
        handler.started(channelId);
    }

    /**
     * A reading completed.
     *
     * @throws HalException when the watch has already faulted this loop's run as stalled
     */
    public void readingDone(String channelId) {
        Loop loop = loops.get(channelId);
        if (loop == null) {
            return;
        }
        if (loop.stalledReason != null) {
            throw new HalException(loop.stalledReason);
        }
        loop.lastProgressNanos = nanoTime.getAsLong();
    }

    /** Whether the watch has faulted the channel's running loop as stalled: its runner must store nothing more. */
    public boolean faulted(String channelId) {
        Loop loop = loops.get(channelId);
        return loop != null && loop.stalledReason != null;
    }

    /** The runner's loop is over, whatever ended it. */
    public void loopEnded(String channelId) {
        loops.remove(channelId);
    }

    /** Whether every running loop is on time: the heartbeat may toggle. */
    public boolean onTime() {
        return loops.values().stream().noneMatch(loop -> loop.stalledReason != null);
    }

    /** The channels whose loop is stalled now. */
    public List<String> stalledChannels() {
        return loops.entrySet().stream().filter(e -> e.getValue().stalledReason != null).map(Map.Entry::getKey).sorted().toList();
    }

    /** Finds loops that missed their readings and hands each to the stall handler, once; returns them. */
    public List<Stall> check() {
        long now = nanoTime.getAsLong();
        List<Stall> stalls = new ArrayList<>();
        loops.forEach((channelId, loop) -> {
            if (loop.stalledReason != null) {
                return;
            }
            if (idle.test(channelId)) {
                loop.lastProgressNanos = now;
                return;
            }
            long gap = now - loop.lastProgressNanos;
            if (gap > loop.allowedGapNanos) {
                loop.stalledReason = "control loop of channel " + channelId + " stalled: no reading completed for "
                        + String.format("%.1f", gap / 1e9) + " s, more than the " + loop.allowedGapNanos / 1_000_000
                        + " ms allowed (" + missedReadings + " reading intervals); the watchdog put the channel in its"
                        + " safe state";
                stalls.add(new Stall(channelId, loop.runId, loop.stalledReason));
            }
        });
        stalls.forEach(handler::stalled);
        return stalls;
    }
}
