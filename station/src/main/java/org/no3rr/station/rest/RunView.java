package org.no3rr.station.rest;

import org.no3rr.engine.EngineState;
import org.no3rr.engine.RunState;
import org.no3rr.protocol.StepKind;

import org.no3rr.station.channel.LiveStatus;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.service.CellDocument;
import org.no3rr.station.store.RunRecord;

import java.time.Instant;

/**
 * A run as the API shows it: what was asked, where it is, and how much data it has stored; {@code stationId}
 * and {@code globalRunId} ({@code <station-id>/<run-id>}) name it across a lab of stations (docs/lab.md).
 */
public record RunView(long id, String channel, RunState state, String protocol, CellDocument cell, String notes,
                      String softwareVersion, Instant createdAt, Instant startedAt, Instant endedAt,
                      String endReason, long samplesStored, Instant lastSampleAt, StepView step, String prompt,
                      String stationId, String globalRunId) {

    /**
     * The step a run is in: its number, protocol line, cycle, kind and text, when it began, and its
     * step time so far (which stands still while the run is paused or waits).
     */
    public record StepView(int number, int line, int cycle, StepKind kind, String text, Instant startedAt,
                           double stepTimeS) {

        static StepView of(LiveStatus live) {
            EngineState e = live.engine();
            return new StepView(e.stepNumber(), e.stepLine(), e.cycle(), e.stepKind(), e.stepText(),
                    Instant.ofEpochMilli(e.stepStartMillis()), e.stepElapsedMillis() / 1000.0);
        }
    }

    /** @param stationId the station the run ran on (this one, or on the lab instance the run's own) */
    public static RunView of(RunRecord run, LiveStatus live, CellDocument cell, String stationId) {
        boolean current = live != null && live.runId() == run.id();
        StepView step = current && live.inStep() ? StepView.of(live) : null;
        RunState state = current && !run.state().isFinal() ? live.state() : run.state();
        // Ended live but not yet committed (the writer syncs the journal first): the reason goes with the state.
        String endReason = current && !run.state().isFinal() && state.isFinal() && live.engine() != null
                ? live.engine().endReason() : run.endReason();
        return new RunView(run.id(), run.channelId(), state, run.protocolText(),
                cell, run.notes(), run.softwareVersion(), Instant.ofEpochMilli(run.createdMs()),
                instant(run.startedMs()), instant(run.endedMs()), endReason, run.samplesStored(),
                instant(run.lastSampleMs()), step, current ? live.prompt() : null,
                stationId, StationIdentity.globalRunId(stationId, run.id()));
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
