package org.no3rr.station.store;

/**
 * Where a run's stored samples end: its last sample's number (samples are numbered from 1 without
 * gaps, so it is also how many are stored), that sample's time and the engine state after it — what
 * the run resumes from.
 *
 * @param engineState null if not known from the samples (blocks written before V12 carry none)
 */
public record RunProgress(long lastSeq, long lastSampleMs, String engineState) {

    /** A run with no stored sample. */
    public static final RunProgress NONE = new RunProgress(0, 0, null);

    public boolean hasSamples() {
        return lastSeq > 0;
    }
}
