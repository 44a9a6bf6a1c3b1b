package org.no3rr.station.export;

import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.station.service.SummaryService.CycleReport;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.SampleStore.SampleConsumer;

import java.util.List;

/**
 * Where an export reads a run from: the station's own H2 stores ({@link StationRunData}) or the lab's
 * central PostgreSQL ({@code lab.central.CentralReader}). The writers see only this, so a run downloaded
 * from the lab instance is byte for byte what its station gives.
 */
public interface RunData {

    /** Every sample of the run in order, one at a time. */
    void forEachSample(long runId, SampleConsumer consumer);

    /** The cycles as {@code GET …/cycles} reports them, retention against {@code retention}. */
    List<CycleReport> cycles(long runId, RetentionReference retention);

    List<RunEvent> events(long runId);
}
