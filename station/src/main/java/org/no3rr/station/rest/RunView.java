package org.no3rr.station.rest;

import org.no3rr.station.channel.LiveStatus;
import org.no3rr.station.service.CellDocument;
import org.no3rr.station.store.RunRecord;

import java.time.Instant;

/** A run as the API shows it: what was asked, where it is, and how much data it has stored. */
public record RunView(long id, String channel, String state, String protocol, CellDocument cell, String notes,
                      String softwareVersion, Instant createdAt, Instant startedAt, Instant endedAt,
                      String endReason, long samplesStored, Instant lastSampleAt, StepView step, String prompt) {

    /** The step a run is in, with its cycle. */
    public record StepView(int number, int index, int cycle, String text) {
    }

    static RunView of(RunRecord run, LiveStatus live, CellDocument cell) {
        StepView step = live == null || live.runId() != run.id() || live.stepNumber() == 0 ? null
                : new StepView(live.stepNumber(), live.stepIndex(), live.cycle(), live.stepText());
        return new RunView(run.id(), run.channelId(), run.state().name(), run.protocolText(),
                cell, run.notes(), run.softwareVersion(), Instant.ofEpochMilli(run.createdMs()),
                instant(run.startedMs()), instant(run.endedMs()), run.endReason(), run.samplesStored(),
                instant(run.lastSampleMs()), step, live == null || live.runId() != run.id() ? null : live.prompt());
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
