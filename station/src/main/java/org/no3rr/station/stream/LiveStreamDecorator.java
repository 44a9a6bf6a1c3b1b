package org.no3rr.station.stream;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.engine.Decision;
import org.no3rr.engine.EngineEvent;
import org.no3rr.engine.RunDriver;
import org.no3rr.station.channel.RunListener;
import org.no3rr.station.export.TestTime;
import org.no3rr.station.store.RunRecord;
import org.no3rr.engine.RunState;
import org.no3rr.station.store.RunStore;
import org.no3rr.station.store.SampleRow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts what runners report on the live stream, after the run's history has stored it. A CDI
 * decorator of {@link RunListener}, so neither the runners nor the history know about HTTP: every
 * call reaches the decorated listener first, then becomes a {@link LiveEvent}. A failure here is
 * logged and swallowed — the live stream must never stop a run.
 */
@Decorator
@Priority(10)
public abstract class LiveStreamDecorator implements RunListener {

    private static final Logger LOG = Logger.getLogger(LiveStreamDecorator.class);
    @Inject
    @Delegate
    @Any
    RunListener delegate;

    @Inject
    LiveEvents events;

    @Inject
    RunStore runs;

    /** Channel and test-time origin of the active runs, so a sample costs no database read. */
    private final Map<Long, RunInfo> active = new ConcurrentHashMap<>();

    @Override
    public void started(long runId, long epochMillis, boolean resumed) {
        delegate.started(runId, epochMillis, resumed);
        publish(runId, info -> new LiveEvent.State(info.channel, runId, epochMillis, RunState.RUNNING,
                resumed ? "resumed after a restart" : "started"));
    }

    @Override
    public void decided(long runId, String channelId, Decision decision, SampleRow sample) {
        delegate.decided(runId, channelId, decision, sample);
        if (sample != null) {
            publish(runId, info -> new LiveEvent.Sample(channelId, runId, sample.seq(),
                    (sample.epochMillis() - info.originMillis) / 1000.0, sample.epochMillis(), sample.voltage(),
                    sample.current(), sample.workingElectrodePotential(), sample.cycle(), sample.stepNumber()));
        }
        for (EngineEvent event : decision.events()) {
            announce(runId, event);
        }
        if (decision.state().state().isFinal()) {
            active.remove(runId);
        }
    }

    private void announce(long runId, EngineEvent event) {
        long at = event.epochMillis();
        if (event instanceof EngineEvent.StepStarted step) {
            publish(runId, info -> new LiveEvent.Step(info.channel, runId, at, step.stepNumber(), step.stepLine(),
                    step.cycle(), step.text()));
        } else if (event instanceof EngineEvent.PromptRaised prompt) {
            publish(runId, info -> new LiveEvent.State(info.channel, runId, at, RunState.WAITING_FOR_ANSWER, null));
            publish(runId, info -> new LiveEvent.Prompt(info.channel, runId, at, prompt.prompt()));
        } else if (event instanceof EngineEvent.PromptAnswered answered) {
            publish(runId, info -> new LiveEvent.State(info.channel, runId, at, RunState.RUNNING,
                    "answered: " + answered.answer()));
        } else if (event instanceof EngineEvent.Paused paused) {
            publish(runId, info -> new LiveEvent.State(info.channel, runId, at, RunState.PAUSED, paused.reason()));
            if (paused.reason().equals(RunDriver.STORAGE_PAUSE_REASON)) {
                publish(runId, info -> new LiveEvent.Alarm(info.channel, runId, at, "STORAGE_ERROR",
                        "storage refuses samples: the run waits safely and goes on by itself once it takes them"));
            }
        } else if (event instanceof EngineEvent.Resumed resumed) {
            publish(runId, info -> new LiveEvent.State(info.channel, runId, at, RunState.RUNNING, resumed.reason()));
        } else if (event instanceof EngineEvent.RunEnded ended) {
            publish(runId, info -> new LiveEvent.State(info.channel, runId, at, ended.state(), ended.reason()));
            if (ended.state() == RunState.FAULTED) {
                publish(runId, info -> new LiveEvent.Alarm(info.channel, runId, at, "FAULT", ended.reason()));
            }
        }
    }

    private void publish(long runId, java.util.function.Function<RunInfo, LiveEvent> event) {
        try {
            if (events.clientCount() == 0) {
                return;
            }
            events.publish(event.apply(active.computeIfAbsent(runId, this::lookUp)));
        } catch (RuntimeException e) {
            LOG.warnf("Run %d: could not put an event on the live stream: %s", runId, e.toString());
        }
    }

    private RunInfo lookUp(long runId) {
        RunRecord run = runs.find(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " is not stored"));
        return new RunInfo(run.channelId(), TestTime.originMillis(run));
    }

    private record RunInfo(String channel, long originMillis) {
    }
}
