package org.no3rr.station.lab;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.no3rr.engine.Decision;
import org.no3rr.engine.EngineEvent;
import org.no3rr.engine.EngineState;
import org.no3rr.engine.RunDriver;
import org.no3rr.engine.RunState;
import org.no3rr.station.channel.RunListener;
import org.no3rr.station.store.SampleRow;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells the lab ({@link LabEvents}) what the runners report, after the run's history has stored it —
 * a CDI decorator of {@link RunListener} beside the live stream's, so the runners know nothing of MQTT
 * or notifications. It reads the engine's typed events rather than the live stream's: the lab's
 * vocabulary ({@link LabEventType}) has a step's end and tells an answer from a resume, which the
 * stream folds into state changes. With no lab subscriber it costs one check per decision.
 */
@Decorator
@Priority(20)
public abstract class LabFeedDecorator implements RunListener {

    @Inject
    @Delegate
    @Any
    RunListener delegate;

    @Inject
    LabEvents lab;

    @Override
    public void started(long runId, long epochMillis, boolean resumed) {
        delegate.started(runId, epochMillis, resumed);
    }

    @Override
    public void decided(long runId, String channelId, Decision decision, SampleRow sample) {
        delegate.decided(runId, channelId, decision, sample);
        if (!lab.hasSubscribers()) {
            return;
        }
        for (LabEvent event : translate(runId, channelId, decision.events(), decision.state())) {
            lab.publish(event);
        }
        if (!decision.events().isEmpty() || sample != null) {
            lab.channelChanged(channelId, !decision.events().isEmpty());
        }
    }

    /** The lab's events for one decision's engine events, in order; {@code after} is the state the decision left. */
    static List<LabEvent> translate(long runId, String channel, List<EngineEvent> events, EngineState after) {
        List<LabEvent> out = new ArrayList<>(events.size() + 1);
        int step = after.stepNumber();
        int line = after.stepLine();
        for (EngineEvent event : events) {
            long at = event.epochMillis();
            if (event instanceof EngineEvent.StepStarted started) {
                out.add(new LabEvent(channel, runId, LabEventType.STEP_STARTED, started.text(), at,
                        started.stepNumber(), started.stepLine()));
            } else if (event instanceof EngineEvent.StepEnded ended) {
                out.add(new LabEvent(channel, runId, LabEventType.STEP_ENDED, ended.reason(), at, ended.stepNumber(),
                        line));
            } else if (event instanceof EngineEvent.PromptRaised prompt) {
                out.add(new LabEvent(channel, runId, LabEventType.PROMPT, prompt.prompt(), at, step, line));
            } else if (event instanceof EngineEvent.PromptAnswered answered) {
                out.add(new LabEvent(channel, runId, LabEventType.ANSWER, answered.answer(), at, step, line));
            } else if (event instanceof EngineEvent.Paused paused) {
                out.add(new LabEvent(channel, runId, LabEventType.PAUSED, paused.reason(), at, step, line));
                if (paused.reason().equals(RunDriver.STORAGE_PAUSE_REASON)) {
                    out.add(new LabEvent(channel, runId, LabEventType.ALARM, "storage refuses samples: the run "
                            + "waits safely and goes on by itself once it takes them", at, step, line));
                }
            } else if (event instanceof EngineEvent.Resumed resumed) {
                out.add(new LabEvent(channel, runId, LabEventType.RESUMED, resumed.reason(), at, step, line));
            } else if (event instanceof EngineEvent.RunEnded ended) {
                if (ended.state() == RunState.FAULTED) {
                    out.add(new LabEvent(channel, runId, LabEventType.FAULT, ended.reason(), at, step, line));
                }
                String how = ended.reason() == null ? ended.state().name() : ended.state().name() + ": " + ended.reason();
                out.add(new LabEvent(channel, runId, LabEventType.RUN_ENDED, how, at, step, line));
            }
        }
        return out;
    }
}
