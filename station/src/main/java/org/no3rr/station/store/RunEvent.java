package org.no3rr.station.store;

/** One entry of a run's history. {@code kind} is one of the constants below. */
public record RunEvent(long id, long runId, long epochMillis, String kind, String message) {

    public static final String CREATED = "CREATED";
    public static final String STARTED = "STARTED";
    public static final String STEP_STARTED = "STEP_STARTED";
    public static final String STEP_ENDED = "STEP_ENDED";
    public static final String PROMPT = "PROMPT";
    public static final String ANSWER = "ANSWER";
    public static final String FINISHED = "FINISHED";
    public static final String FAULT = "FAULT";
    public static final String STOPPED = "STOPPED";
    public static final String PAUSED = "PAUSED";
    public static final String RESUMED = "RESUMED";
    public static final String RESTART = "RESTART";
    public static final String STORAGE_ERROR = "STORAGE_ERROR";
}
