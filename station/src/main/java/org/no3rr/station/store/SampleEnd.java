package org.no3rr.station.store;

/**
 * Where a run's stored samples end: its last sample's number (samples are numbered from 1 without
 * gaps, so it is also how many are stored), that sample's time, and the engine state after the run's
 * last stored decision when the journal holds it (else the {@code run} row holds it).
 *
 * @param engineState null when the {@code run} row holds the newest state
 */
public record SampleEnd(long lastSeq, long lastSampleMs, String engineState) {

    /** A run with no stored sample. */
    public static final SampleEnd NONE = new SampleEnd(0, 0, null);

    public boolean hasSamples() {
        return lastSeq > 0;
    }
}
