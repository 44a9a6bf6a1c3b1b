package org.no3rr.station.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.engine.Decision;
import org.no3rr.engine.EngineEvent;
import org.no3rr.station.channel.RunListener;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunStore;
import org.no3rr.station.store.SampleRow;
import org.no3rr.station.store.StorageException;

/**
 * Keeps a run's history: one event per thing that happened (steps, prompts and answers, pauses and
 * gaps, the end). The run's state itself is stored by the sample writer with the engine state, so
 * it never runs ahead of the data. A database that refuses a write is logged and otherwise ignored
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

    @Override
    public void decided(long runId, String channelId, Decision decision, SampleRow sample) {
        for (EngineEvent event : decision.events()) {
            persist(runId, () -> runs.appendEvent(runId, event.epochMillis(), kindOf(event), describe(event)));
        }
    }

    /** The event's kind in the run's history. */
    static String kindOf(EngineEvent event) {
        if (event instanceof EngineEvent.RunEnded ended) {
            return switch (ended.state()) {
                case STOPPED -> RunEvent.STOPPED;
                case FAULTED -> RunEvent.FAULT;
                default -> RunEvent.FINISHED;
            };
        }
        if (event instanceof EngineEvent.StepStarted) {
            return RunEvent.STEP_STARTED;
        }
        if (event instanceof EngineEvent.StepEnded) {
            return RunEvent.STEP_ENDED;
        }
        if (event instanceof EngineEvent.PromptRaised) {
            return RunEvent.PROMPT;
        }
        if (event instanceof EngineEvent.PromptAnswered) {
            return RunEvent.ANSWER;
        }
        return event instanceof EngineEvent.Paused ? RunEvent.PAUSED : RunEvent.RESUMED;
    }

    /** The event in words, as the run's history shows it. */
    static String describe(EngineEvent event) {
        if (event instanceof EngineEvent.StepStarted s) {
            return "step " + s.stepNumber() + " (protocol line " + s.stepLine() + "), cycle " + s.cycle() + ": "
                    + s.text();
        }
        if (event instanceof EngineEvent.StepEnded s) {
            return "step " + s.stepNumber() + " ended: " + s.reason();
        }
        if (event instanceof EngineEvent.PromptRaised p) {
            return p.prompt();
        }
        if (event instanceof EngineEvent.PromptAnswered a) {
            return a.answer();
        }
        if (event instanceof EngineEvent.Paused p) {
            return p.reason();
        }
        if (event instanceof EngineEvent.Resumed r) {
            return r.reason() + "; the time since the last reading is not step time and carries no charge";
        }
        return ((EngineEvent.RunEnded) event).reason();
    }

    private static void persist(long runId, Runnable write) {
        try {
            write.run();
        } catch (StorageException e) {
            LOG.errorf("Run %d: its history could not be stored: %s", runId, e.getMessage());
        }
    }
}
