package org.no3rr.station.store;

/**
 * A run as stored. Times are epoch milliseconds on the channel's clock; absent ones are null.
 * {@code engineState}, {@code samplesStored} and {@code lastSampleMs} describe the run's last
 * stored sample ({@link RunProgress}); the {@code run} table's columns of those names only hold
 * them for runs stored before V12 — the samples themselves carry them now.
 */
public record RunRecord(long id, String channelId, RunState state, String protocolText, String cellJson,
                        String hardwareJson, String softwareVersion, String notes, long createdMs,
                        Long startedMs, Long endedMs, String endReason, String engineState,
                        long samplesStored, Long lastSampleMs) {

    /** This run with its last stored sample as the samples say; as it is if they have none. */
    RunRecord with(RunProgress progress) {
        if (!progress.hasSamples()) {
            return this;
        }
        return new RunRecord(id, channelId, state, protocolText, cellJson, hardwareJson, softwareVersion, notes,
                createdMs, startedMs, endedMs, endReason,
                progress.engineState() != null ? progress.engineState() : engineState, progress.lastSeq(),
                progress.lastSampleMs());
    }
}
