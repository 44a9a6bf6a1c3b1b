package org.no3rr.station.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In memory, the samples of each run that are in the journal but not yet in a block of the
 * database — its open tail — with the engine state after the run's last journaled decision (which
 * may have come after the last sample, or without any: a tail may hold a state alone). One thread
 * (the store's writer) changes them; readers take a {@link View} that stays as it is while the tail grows.
 */
final class OpenTails {

    /** A run's open tail as it was when asked for; {@code samples} is null or holds at least one sample. */
    record View(SampleBlock samples, String engineState) {
    }

    private static final class Tail {
        private SampleBlock samples;
        private String engineState;
        private long lastAppendNanos;
    }

    private final ConcurrentHashMap<Long, Tail> tails = new ConcurrentHashMap<>();

    /** The run's open tail, or empty if all its samples are in the database. */
    Optional<View> view(long runId) {
        Tail tail = tails.get(runId);
        if (tail == null) {
            return Optional.empty();
        }
        synchronized (tail) {
            return Optional.of(new View(tail.samples == null ? null : tail.samples.snapshot(), tail.engineState));
        }
    }

    /** For the writer: the samples of the run's tail as they are, or null if it has none. */
    SampleBlock samples(long runId) {
        Tail tail = tails.get(runId);
        return tail == null ? null : tail.samples;
    }

    String engineState(long runId) {
        Tail tail = tails.get(runId);
        return tail == null ? null : tail.engineState;
    }

    /** Runs with an open tail. */
    Set<Long> runs() {
        return tails.keySet();
    }

    int sampleCount(long runId) {
        SampleBlock samples = samples(runId);
        return samples == null ? 0 : samples.count();
    }

    /**
     * Appends the rows, which continue the run's tail (or start one), and the engine state after the
     * run's last decision of the batch.
     */
    void append(long runId, List<SampleRow> rows, String engineState) {
        Tail tail = tails.computeIfAbsent(runId, id -> new Tail());
        synchronized (tail) {
            if (tail.samples == null && !rows.isEmpty()) {
                tail.samples = new SampleBlock(rows.get(0).seq(), Math.max(rows.size(), 64));
            }
            for (SampleRow row : rows) {
                tail.samples.append(row);
            }
            if (engineState != null) {
                tail.engineState = engineState;
            }
            tail.lastAppendNanos = System.nanoTime();
        }
    }

    /** Nanoseconds since the run's tail last grew; 0 for a run without one. */
    long idleNanos(long runId) {
        Tail tail = tails.get(runId);
        return tail == null ? 0 : System.nanoTime() - tail.lastAppendNanos;
    }

    /** Forgets the first {@code count} samples of the run's tail, once they are in the database. */
    void dropFirst(long runId, int count) {
        Tail tail = tails.get(runId);
        if (tail == null) {
            return;
        }
        synchronized (tail) {
            if (tail.samples == null || count >= tail.samples.count()) {
                tails.remove(runId);
            } else {
                tail.samples = tail.samples.slice(count, tail.samples.count());
            }
        }
    }

    /** Forgets the run's tail, once its samples are in the database. */
    void clear(long runId) {
        tails.remove(runId);
    }
}
