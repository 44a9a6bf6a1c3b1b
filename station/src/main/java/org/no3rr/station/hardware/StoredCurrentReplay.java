package org.no3rr.station.hardware;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunStore;
import org.no3rr.station.store.SampleStore;
import org.no3rr.station.store.SampleWindowStore;

import java.util.Set;

/**
 * Passes through a restored simulated cell the current a run's stored samples show after the cell's
 * snapshot, so the cell has passed exactly the charge the samples record. A reading's current is
 * taken to have flowed since the reading before it — the runner commands right after a reading, so
 * the drive between two readings is the one the later reading measures — but never from before the
 * run last started to pass current again (its start, a resume, an answer, a restart): while it was
 * paused, waiting or down, the channel was safe and nothing flowed.
 */
@ApplicationScoped
public class StoredCurrentReplay {

    /** Events after which the channel drives the cell again, having been safe before. */
    private static final Set<String> DRIVEN_AGAIN = Set.of(RunEvent.STARTED, RunEvent.RESUMED, RunEvent.ANSWER,
            RunEvent.RESTART);

    @Inject
    RunStore runs;

    @Inject
    SampleWindowStore windows;

    @Inject
    SampleStore samples;

    /**
     * @param fromMillis the simulated time of the cell's snapshot
     * @return how many samples were replayed
     */
    public int replay(SimulatedChannel<?> cell, long runId, long fromMillis) {
        long[] drivenSince = runs.events(runId).stream().filter(event -> DRIVEN_AGAIN.contains(event.kind()))
                .mapToLong(RunEvent::epochMillis).sorted().toArray();
        int[] count = {0};
        long[] previous = {fromMillis};
        int[] nextEvent = {0};
        windows.window(runId, fromMillis + 1, Long.MAX_VALUE).ifPresent(range ->
                samples.forEachSampleBetween(runId, range.first(), range.last(), sample -> {
                    long from = previous[0];
                    while (nextEvent[0] < drivenSince.length && drivenSince[nextEvent[0]] <= sample.epochMillis()) {
                        from = Math.max(from, drivenSince[nextEvent[0]++]);
                    }
                    double seconds = (sample.epochMillis() - from) / 1000.0;
                    if (seconds > 0 && Double.isFinite(sample.current())) {
                        cell.replayCurrent(sample.current(), seconds);
                    }
                    previous[0] = sample.epochMillis();
                    count[0]++;
                }));
        return count[0];
    }
}
