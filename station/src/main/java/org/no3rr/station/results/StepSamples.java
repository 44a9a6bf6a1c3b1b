package org.no3rr.station.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.metrics.StepSummary;
import org.no3rr.station.downsample.LttbSelector;
import org.no3rr.station.store.SampleStore;
import org.no3rr.station.store.StoredSample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The samples of one ended step, read straight from the blocks that hold them (a step's samples
 * are numbered consecutively, and its stored summary says how many there are), and the curve drawn
 * from them reduced by LTTB on (step time, plotted y) — the same selection as the samples endpoint —
 * so a figure of a week-long run holds a few thousand points, never the run.
 */
@ApplicationScoped
public class StepSamples {

    /** The points all curves of one figure may hold together; each gets its share. */
    public static final int POINT_BUDGET = 6000;
    public static final int MOST_PER_CURVE = 1000;
    public static final int FEWEST_PER_CURVE = 50;

    @Inject
    SampleStore samples;

    /** Every sample of {@code step}, in order. */
    public void forEach(long runId, StepSummary step, SampleStore.SampleConsumer consumer) {
        long count = step.totals().sampleCount();
        if (count == 0) {
            return;
        }
        samples.firstSampleOfStep(runId, step.stepNumber()).ifPresent(first ->
                samples.forEachSampleBetween(runId, first.seq(), first.seq() + count - 1, sample -> {
                    if (sample.stepNumber() == step.stepNumber()) {
                        consumer.accept(sample);
                    }
                }));
    }

    /**
     * The step's curve: {@code point} maps each sample, in order, to what is plotted (it may keep
     * state, e.g. a running capacity); at most {@code maxPoints} are kept by LTTB; points with a
     * coordinate that is not a number (a channel without a reference electrode) are left out.
     */
    public List<FigurePoint> curve(long runId, StepSummary step, int maxPoints, Function<StoredSample, FigurePoint> point) {
        List<FigurePoint> kept = new ArrayList<>(Math.min(maxPoints, (int) Math.min(Integer.MAX_VALUE,
                step.totals().sampleCount())));
        LttbSelector<FigurePoint> selector = new LttbSelector<>(step.totals().sampleCount(), maxPoints,
                (index, p) -> {
                    if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
                        kept.add(p);
                    }
                });
        forEach(runId, step, sample -> {
            FigurePoint p = point.apply(sample);
            selector.add(sample.stepTimeMillis() / 1000.0, Double.isFinite(p.y()) ? p.y() : 0, p);
        });
        return kept;
    }

    /** Each of {@code curves} curves' share of the figure's points. */
    public static int perCurve(int curves) {
        return Math.max(FEWEST_PER_CURVE, Math.min(MOST_PER_CURVE, POINT_BUDGET / Math.max(1, curves)));
    }
}
