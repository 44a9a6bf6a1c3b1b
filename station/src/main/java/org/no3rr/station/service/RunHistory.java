package org.no3rr.station.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.engine.EngineEvent;
import org.no3rr.station.channel.RunListener;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunState;
import org.no3rr.station.store.RunStore;
import org.no3rr.station.store.StorageException;

/**
 * Persists what runners report: the run's state and its history of events. A database that
 * refuses a write is logged and otherwise ignored here, so a runner never dies of it: its channel
 * stays under control, and the sample writer's outage handling pauses it.
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

    @Override
    public void engineEvent(long runId, EngineEvent event) {
        persist(runId, () -> record(runId, event));
    }

    private void record(long runId, EngineEvent event) {
        if (event instanceof EngineEvent.StepStarted step) {
            runs.appendEvent(runId, step.epochMillis(), RunEvent.STEP_STARTED, "step " + step.stepNumber()
                    + " (protocol step " + step.stepIndex() + "), cycle " + step.cycle() + ": " + step.text());
        } else if (event instanceof EngineEvent.PromptRaised prompt) {
            runs.changeState(runId, RunState.WAITING_FOR_ANSWER, prompt.epochMillis(), null);
            runs.appendEvent(runId, prompt.epochMillis(), RunEvent.PROMPT, prompt.prompt());
        } else if (event instanceof EngineEvent.RunFinished finished) {
            runs.appendEvent(runId, finished.epochMillis(), RunEvent.FINISHED, finished.reason());
        }
        // RunFaulted is recorded once, by stateChanged(FAULTED), which every fault path reaches;
        // the answer by answered(); step ends are implied by the next step's start.
    }

    @Override
    public void answered(long runId, long epochMillis, String answer) {
        persist(runId, () -> {
            runs.appendEvent(runId, epochMillis, RunEvent.ANSWER, answer);
            runs.changeState(runId, RunState.RUNNING, epochMillis, null);
        });
    }

    @Override
    public void stateChanged(long runId, RunState state, long epochMillis, String reason) {
        persist(runId, () -> {
            runs.changeState(runId, state, epochMillis, reason);
            switch (state) {
                case PAUSED -> runs.appendEvent(runId, epochMillis, RunEvent.PAUSED, reason);
                case RUNNING -> runs.appendEvent(runId, epochMillis, RunEvent.RESUMED, reason);
                case STOPPED -> runs.appendEvent(runId, epochMillis, RunEvent.STOPPED, reason);
                case FAULTED -> runs.appendEvent(runId, epochMillis, RunEvent.FAULT, reason);
                default -> {
                    // DONE is announced by the engine's RunFinished event; other states have no event of their own.
                }
            }
        });
    }

    private static void persist(long runId, Runnable write) {
        try {
            write.run();
        } catch (StorageException e) {
            LOG.errorf("Run %d: its history could not be stored: %s", runId, e.getMessage());
        }
    }
}
