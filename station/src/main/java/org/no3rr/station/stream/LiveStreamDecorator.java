package org.no3rr.station.stream;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.engine.EngineEvent;
import org.no3rr.station.channel.RunListener;
import org.no3rr.station.export.TestTime;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.RunState;
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
    /** How {@code ChannelRunner} words the reason of a pause forced by a failed commit. */
    private static final String STORAGE_ERROR_REASON = "storage error";

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
        publish(runId, info -> new LiveEvent.State(info.channel, runId, epochMillis, RunState.RUNNING.name(),
                resumed ? "resumed after a restart" : "started"));
    }

    @Override
    public void engineEvent(long runId, EngineEvent event) {
        delegate.engineEvent(runId, event);
        if (event instanceof EngineEvent.StepStarted step) {
            publish(runId, info -> new LiveEvent.Step(info.channel, runId, step.epochMillis(), step.stepNumber(),
                    step.stepIndex(), step.cycle(), step.text()));
        } else if (event instanceof EngineEvent.PromptRaised prompt) {
            publish(runId, info -> new LiveEvent.State(info.channel, runId, prompt.epochMillis(),
                    RunState.WAITING_FOR_ANSWER.name(), null));
            publish(runId, info -> new LiveEvent.Prompt(info.channel, runId, prompt.epochMillis(), prompt.prompt()));
        }
    }

    @Override
    public void answered(long runId, long epochMillis, String answer) {
        delegate.answered(runId, epochMillis, answer);
        publish(runId, info -> new LiveEvent.State(info.channel, runId, epochMillis, RunState.RUNNING.name(),
                "answered: " + answer));
    }

    @Override
    public void stateChanged(long runId, RunState state, long epochMillis, String reason) {
        delegate.stateChanged(runId, state, epochMillis, reason);
        publish(runId, info -> new LiveEvent.State(info.channel, runId, epochMillis, state.name(), reason));
        if (state == RunState.FAULTED) {
            publish(runId, info -> new LiveEvent.Alarm(info.channel, runId, epochMillis, "FAULT", reason));
        } else if (state == RunState.PAUSED && reason != null && reason.startsWith(STORAGE_ERROR_REASON)) {
            publish(runId, info -> new LiveEvent.Alarm(info.channel, runId, epochMillis, "STORAGE_ERROR", reason));
        }
        if (state.isFinal()) {
            active.remove(runId);
        }
    }

    @Override
    public void sampleRecorded(String channelId, SampleRow s) {
        delegate.sampleRecorded(channelId, s);
        publish(s.runId(), info -> new LiveEvent.Sample(channelId, s.runId(), s.seq(),
                (s.epochMillis() - info.originMillis) / 1000.0, s.epochMillis(), s.voltage(), s.current(),
                s.workingElectrodePotential(), s.cycle(), s.stepNumber()));
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
