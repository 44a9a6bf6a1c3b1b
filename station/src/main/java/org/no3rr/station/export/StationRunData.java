package org.no3rr.station.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.station.service.RunService;
import org.no3rr.station.service.SummaryService;
import org.no3rr.station.service.SummaryService.CycleReport;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.SampleStore;
import org.no3rr.station.store.SampleStore.SampleConsumer;

import java.util.List;

/** A run as this station stored it, read through its stores' APIs. */
@ApplicationScoped
public class StationRunData implements RunData {

    @Inject
    SampleStore samples;

    @Inject
    SummaryService summaries;

    @Inject
    RunService runs;

    @Override
    public void forEachSample(long runId, SampleConsumer consumer) {
        samples.forEachSample(runId, consumer);
    }

    @Override
    public List<CycleReport> cycles(long runId, RetentionReference retention) {
        return summaries.cycles(runId, retention);
    }

    @Override
    public List<RunEvent> events(long runId) {
        return runs.events(runId);
    }
}
