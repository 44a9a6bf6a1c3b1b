package org.no3rr.station.stream;

import org.no3rr.engine.RunState;

/**
 * What the live stream tells its clients. Each kind is one SSE event name ({@link #name()}); its
 * record is the event's JSON data. Times are epoch milliseconds on the channel's clock; units are
 * in the field names; absent values are null.
 */
public sealed interface LiveEvent {

    String channel();

    long runId();

    /** The SSE event name. */
    String name();

    /**
     * A sample the runner recorded, as it hands it to the writer (it is committed within the
     * writer's max delay; a failed commit raises an {@link Alarm}).
     *
     * @param t    test time in s since the run's start
     * @param step the running step count
     */
    record Sample(String channel, long runId, long seq, double t, long epochMillis, double voltageV, double currentA,
                  double wePotentialV, int cycle, int step) implements LiveEvent {
        public String name() {
            return "sample";
        }
    }

    /** A step began; {@code stepLine} is its line in the protocol. */
    record Step(String channel, long runId, long epochMillis, int stepNumber, int stepLine, int cycle, String text)
            implements LiveEvent {
        public String name() {
            return "step";
        }
    }

    /** An {@code Ask} waits for a person. */
    record Prompt(String channel, long runId, long epochMillis, String prompt) implements LiveEvent {
        public String name() {
            return "prompt";
        }
    }

    /** The run's state changed (RUNNING, PAUSED, WAITING_FOR_ANSWER, DONE, …), with the reason when there is one. */
    record State(String channel, long runId, long epochMillis, RunState state, String reason) implements LiveEvent {
        public String name() {
            return "state";
        }
    }

    /** Something a person must look at: {@code kind} is FAULT (the run ended in its safe state) or STORAGE_ERROR (paused). */
    record Alarm(String channel, long runId, long epochMillis, String kind, String message) implements LiveEvent {
        public String name() {
            return "alarm";
        }
    }

    /**
     * The data directory's disk, once a minute (see {@code DiskSpaceMonitor}); not of a channel.
     * {@code daysLeft} is null while nothing is recorded; {@code low} raises the page's banner.
     */
    record DiskSpace(long epochMillis, long freeBytes, double bytesPerDay, Double daysLeft, boolean low)
            implements LiveEvent {
        public String channel() {
            return null;
        }

        public long runId() {
            return 0;
        }

        public String name() {
            return "disk";
        }
    }
}
