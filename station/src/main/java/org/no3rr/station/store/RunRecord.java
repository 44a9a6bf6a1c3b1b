package org.no3rr.station.store;

import org.no3rr.engine.RunState;

/**
 * A run as stored. Times are epoch milliseconds on the channel's clock; absent ones are null.
 * {@code engineState}, {@code samplesStored} and {@code lastSampleMs} describe the run's last
 * stored sample and decision: the {@code run} table's columns hold them as of the run's last
 * database commit (a fold of its samples into blocks, or a batch with summaries or a new run
 * state); newer ones are in the journal ({@link SampleEnd}).
 */
public record RunRecord(long id, String channelId, RunState state, String protocolText, String cellJson,
                        String hardwareJson, String softwareVersion, String notes, long createdMs,
                        Long startedMs, Long endedMs, String endReason, String engineState,
                        long samplesStored, Long lastSampleMs) {

    /** This run with its last stored sample and state as the samples and the journal say. */
    RunRecord with(SampleEnd end) {
        String state = end.engineState() != null ? end.engineState() : engineState;
        if (!end.hasSamples()) {
            return end.engineState() == null ? this : new RunRecord(id, channelId, this.state, protocolText, cellJson,
                    hardwareJson, softwareVersion, notes, createdMs, startedMs, endedMs, endReason, state,
                    samplesStored, lastSampleMs);
        }
        return new RunRecord(id, channelId, this.state, protocolText, cellJson, hardwareJson, softwareVersion, notes,
                createdMs, startedMs, endedMs, endReason, state, end.lastSeq(), end.lastSampleMs());
    }
}
