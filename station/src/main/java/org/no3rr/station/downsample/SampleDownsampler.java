package org.no3rr.station.downsample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.export.TestTime;
import org.no3rr.station.service.RunService;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.SampleBlock;
import org.no3rr.station.store.SampleStore;
import org.no3rr.station.store.SampleWindowStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Serves a chart of a run: the samples of a time window reduced to at most {@code maxPoints} by
 * LTTB on voltage against time, so a week-long run draws on a phone in one request with its
 * spikes and steps intact. The window is located first, which gives its exact count, then
 * streamed once through {@link LttbSelector} straight from the stored blocks' time and voltage
 * columns, without a sample object per sample; memory is two buckets and a page of blocks, not the
 * window.
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
        long first = window.get().first();
        long count = window.get().count();
        List<ChartPoint> points = new ArrayList<>((int) Math.min(count, query.maxPoints()));
        // The selector holds, per candidate, the block it came from; the window's samples are numbered
        // without gaps, so a kept point's index in the window gives its place in that block.
        LttbSelector<SampleBlock> selector = new LttbSelector<>(count, query.maxPoints(), (index, block) ->
                points.add(ChartPoint.of(block.sample((int) (first + index - block.firstSeq())), origin)));
        samples.forEachBlockBetween(runId, first, window.get().last(), (block, from, to) -> {
            for (int k = from; k < to; k++) {
                selector.add(block.epochMillis(k), block.voltage(k), block);
            }
        });
        return new SampleChart(runId, query.fromS(), query.toS(), query.maxPoints(), count, points);
    }
}
