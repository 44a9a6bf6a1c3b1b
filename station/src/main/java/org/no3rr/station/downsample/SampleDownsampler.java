package org.no3rr.station.downsample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.export.TestTime;
import org.no3rr.station.service.RunService;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.SampleStore;
import org.no3rr.station.store.SampleWindowStore;
import org.no3rr.station.store.StoredSample;

import java.util.ArrayList;
import java.util.List;

/**
 * Serves a chart of a run: the samples of a time window reduced to at most {@code maxPoints} by
 * LTTB on voltage against time, so a week-long run draws on a phone in one request with its
 * spikes and steps intact. The window is located first, which gives its exact count, then
 * streamed once through {@link LttbSelector}; memory is two buckets, not the window.
 */
@ApplicationScoped
public class SampleDownsampler {

    @Inject
    RunService runs;

    @Inject
    SampleWindowStore windows;

    @Inject
    SampleStore samples;

    public SampleChart chart(long runId, SampleQuery query) {
        RunRecord run = runs.find(runId);
        long origin = TestTime.originMillis(run);
        var window = windows.window(runId, query.fromEpochMillis(origin), query.toEpochMillis(origin));
        if (window.isEmpty()) {
            return new SampleChart(runId, query.fromS(), query.toS(), query.maxPoints(), 0, List.of());
        }
        long count = window.get().count();
        List<ChartPoint> points = new ArrayList<>((int) Math.min(count, query.maxPoints()));
        LttbSelector<StoredSample> selector = new LttbSelector<>(count, query.maxPoints(),
                (index, sample) -> points.add(ChartPoint.of(sample, origin)));
        samples.forEachSampleBetween(runId, window.get().first(), window.get().last(),
                sample -> selector.add(sample.epochMillis(), sample.voltage(), sample));
        return new SampleChart(runId, query.fromS(), query.toS(), query.maxPoints(), count, points);
    }
}
