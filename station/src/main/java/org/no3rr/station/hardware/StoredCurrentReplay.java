package org.no3rr.station.hardware;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.station.store.SampleStore;
import org.no3rr.station.store.StoredSample;
import org.no3rr.station.store.SampleWindowStore;


/**
 * Passes through a restored simulated cell the current a run's stored samples show after the cell's
 * snapshot, so the cell has passed exactly the charge the samples record. Between two samples of a
 * step the later one's current flowed for their step-time difference — the runner commands right
 * after a reading, so the drive between two readings is the one the later reading measures — and
 * step time stands still while the run was paused, waiting or down, when the channel was safe and
 * nothing flowed. A step's first sample starts its step (step time 0): nothing flowed before it.
 */
@ApplicationScoped
public class StoredCurrentReplay {

    @Inject
    SampleWindowStore windows;

    @Inject
    SampleStore samples;

    /**
     * @param fromMillis the simulated time of the cell's snapshot
     * @return how many samples were replayed
     */
    public int replay(SimulatedChannel<?> cell, long runId, long fromMillis) {
        int[] count = {0};
        StoredSample[] previous = {null};
        windows.window(runId, fromMillis + 1, Long.MAX_VALUE).ifPresent(range ->
                samples.forEachSampleBetween(runId, Math.max(1, range.first() - 1), range.last(), sample -> {
                    StoredSample before = previous[0];
                    previous[0] = sample;
                    if (sample.epochMillis() <= fromMillis) {
                        return;
                    }
                    count[0]++;
                    if (before == null || before.stepNumber() != sample.stepNumber()) {
                        return;
                    }
                    long stepMillis = sample.stepTimeMillis() - before.stepTimeMillis();
                    long afterSnapshot = sample.epochMillis() - fromMillis;
                    double seconds = Math.min(stepMillis, afterSnapshot) / 1000.0;
                    if (seconds > 0 && Double.isFinite(sample.current())) {
                        cell.replayCurrent(sample.current(), seconds);
                    }
                }));
        return count[0];
    }
}
