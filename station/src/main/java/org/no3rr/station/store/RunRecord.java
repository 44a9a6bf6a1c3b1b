package org.no3rr.station.store;

import org.no3rr.engine.RunState;

/** A row of the {@code run} table. Times are epoch milliseconds on the channel's clock; absent ones are null. */
public record RunRecord(long id, String channelId, RunState state, String protocolText, String cellJson,
                        String hardwareJson, String softwareVersion, String notes, long createdMs,
                        Long startedMs, Long endedMs, String endReason, String engineState,
                        long samplesStored, Long lastSampleMs) {
}
