package org.no3rr.station.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.engine.Decision;
import org.no3rr.station.channel.RunListener;
import org.no3rr.station.store.RunStore;
import org.no3rr.station.store.SampleRow;
import org.no3rr.station.store.StorageException;

/**
 * Keeps a run's history where the runner's decisions do not: the run's start. The events of its
 * decisions (steps, prompts and answers, pauses and gaps, the end) and the run's state are stored by
 * the sample writer with the decision that raised them ({@code DecisionEvent}), so neither runs
 * ahead of the data. A database that refuses a write is logged and otherwise ignored
 * here, so a runner never dies of it: its channel stays under control, and the writer's outage
 * handling pauses it.
 */
@ApplicationScoped
public class RunHistory implements RunListener {

    private static final Logger LOG = Logger.getLogger(RunHistory.class);

    @Inject
    RunStore runs;

    @Override
    public void started(long runId, long epochMillis, boolean resumed) {
        if (!resumed) {
            persist(runId, () -> runs.markStarted(runId, epochMillis));
        }
    }

    /** Nothing to do: a decision's events are stored by the sample writer, with the decision ({@code DecisionEvent}). */
    @Override
    public void decided(long runId, String channelId, Decision decision, SampleRow sample) {
    }

    private static void persist(long runId, Runnable write) {
        try {
            write.run();
        } catch (StorageException e) {
            LOG.errorf("Run %d: its history could not be stored: %s", runId, e.getMessage());
        }
    }
}
