package org.no3rr.station.channel;

import org.jboss.logging.Logger;
import org.no3rr.engine.Command;
import org.no3rr.engine.Decision;
import org.no3rr.engine.Engine;
import org.no3rr.engine.EngineEvent;
import org.no3rr.engine.EngineState;
import org.no3rr.engine.HardwareExecutor;
import org.no3rr.engine.RecordedSample;
import org.no3rr.engine.RunStatus;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.Measurement;
import org.no3rr.station.hardware.StationChannel;
import org.no3rr.station.messaging.SamplePublisher;
import org.no3rr.station.messaging.StorageStatus;
import org.no3rr.station.store.RunState;
import org.no3rr.station.store.SampleRow;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one run on one channel, on its own thread: read, let the engine decide, apply its commands,
 * hand recorded samples to the writer, wait for the next reading. Nothing here blocks another
 * channel or an HTTP thread.
 *
 * <p>Whatever ends the loop — the protocol's end, a fault, a stop, the station shutting down or an
 * unexpected error — the channel's hardware is put into its safe state before the thread ends.
 */
public final class ChannelRunner implements Runnable {

    private static final Logger LOG = Logger.getLogger(ChannelRunner.class);

    private final StationChannel channel;
    private final long runId;
    private final Engine engine;
    private final EngineState resumeFrom;
    private final boolean startPaused;
    private final SamplePublisher publisher;
    private final RunListener listener;
    private final StorageStatus storage;
    private final HardwareExecutor executor;
    private final BlockingQueue<RunControl> controls = new LinkedBlockingQueue<>();

    private long seq;
    private EngineState state;
    private CompletionStage<Void> lastStored = CompletableFuture.completedFuture(null);
    private String stopReason = "stopped";
    private Measurement lastReading;
    private volatile LiveStatus status;

    /** What a runner reports to and relies on, the same for every run. */
    public record Services(SamplePublisher publisher, RunListener listener, StorageStatus storage) {
    }

    /**
     * @param resumeFrom           the engine state stored with the run's last sample, or null for a new run
     * @param startPaused          resume a run that was paused when the station stopped: stay safe until resumed
     * @param samplesAlreadyStored how many samples the run has stored, so numbering continues without gaps
     */
    public ChannelRunner(StationChannel channel, long runId, Engine engine, EngineState resumeFrom,
                         boolean startPaused, long samplesAlreadyStored, Services services) {
        this.channel = channel;
        this.runId = runId;
        this.engine = engine;
        this.resumeFrom = resumeFrom;
        this.startPaused = startPaused && resumeFrom != null;
        this.seq = samplesAlreadyStored;
        this.publisher = services.publisher();
        this.listener = services.listener();
        this.storage = services.storage();
        this.executor = new HardwareExecutor(channel.hardware());
        this.status = new LiveStatus(runId, RunState.RUNNING.name(), 0, 0, 0, "", null, null, seq);
    }

    public long runId() {
        return runId;
    }

    public LiveStatus status() {
        return status;
    }

    /** Queues a request; the runner handles it before its next reading. */
    public void send(RunControl control) {
        controls.add(control);
    }

    @Override
    public void run() {
        ChannelHardware hardware = channel.hardware();
        channel.watch().loopStarted(channel.id(), runId, engine.readingIntervalMillis());
        try {
            long now = channel.clock().millis();
            listener.started(runId, now, resumeFrom != null);
            Decision decision;
            if (resumeFrom == null) {
                decision = engine.start(now);
            } else if (startPaused) {
                state = resumeFrom;
                decision = pause("paused before the station restarted");
            } else {
                decision = engine.resume(resumeFrom, now);
            }
            RunState end = loop(decision);
            finish(end, endReason(end));
        } catch (StationShutdown e) {
            // The run stays active in the database and resumes from its last stored sample on restart.
            LOG.infof("Run %d on channel %s left resumable at shutdown", runId, channel.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (HalException e) {
            fault("hardware failure: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Run %d on channel %s failed", runId, channel.id());
            fault("station error: " + e);
        } finally {
            safeState(hardware);
            channel.watch().loopEnded(channel.id());
        }
    }

    private RunState loop(Decision decision) throws InterruptedException {
        while (true) {
            if (!handle(decision)) {
                decision = pauseWhileStorageFails();
                continue;
            }
            RunStatus engineStatus = state.status();
            if (engineStatus.isFinal()) {
                return engineStatus == RunStatus.DONE ? RunState.DONE : RunState.FAULTED;
            }
            if (storage.isFailing()) {
                decision = pauseWhileStorageFails();
                continue;
            }
            RunControl control = controls.poll();
            shutdownIfAsked(control);
            if (control instanceof RunControl.Stop stop) {
                stopReason = stop.reason();
                return RunState.STOPPED;
            }
            if (control instanceof RunControl.Pause) {
                decision = pause(null);
                continue;
            }
            if (engineStatus == RunStatus.WAITING_FOR_ANSWER) {
                decision = awaitAnswer(control);
                continue;
            }
            channel.clock().waitUntil(decision.nextReadingAtMillis());
            lastReading = measure();
            channel.watch().readingDone(channel.id());
            decision = engine.next(state, lastReading);
        }
    }

    private String endReason(RunState end) {
        return switch (end) {
            case STOPPED -> stopReason;
            case FAULTED -> state.faultReason();
            default -> "protocol completed";
        };
    }

    /**
     * Hands the decision's sample to the writer, then applies its commands and adopts its state.
     * If storage fails before the sample could be handed over, nothing of the decision is applied
     * and false is returned: the reading is discarded as if never taken, and the run later
     * resumes from the state before it.
     */
    private boolean handle(Decision decision) throws InterruptedException {
        RecordedSample sample = decision.sample();
        if (sample != null) {
            SampleRow row = toRow(sample, seq + 1, decision.state().encode());
            Optional<CompletionStage<Void>> stored = publisher.publish(row);
            if (stored.isEmpty()) {
                return false;
            }
            seq++;
            lastStored = stored.get();
            listener.sampleRecorded(channel.id(), row);
        }
        for (Command command : decision.commands()) {
            executor.apply(command);
        }
        state = decision.state();
        for (EngineEvent event : decision.events()) {
            listener.engineEvent(runId, event);
        }
        status = new LiveStatus(runId, liveState(state.status()), state.cycle(), state.stepNumber(),
                state.stepIndex(), state.stepText(), state.pendingPrompt(), lastReading, seq);
        return true;
    }

    private Decision awaitAnswer(RunControl first) throws InterruptedException {
        RunControl control = first;
        while (true) {
            if (control instanceof RunControl.Answer answer) {
                long now = channel.clock().millis();
                listener.answered(runId, now, answer.text());
                return engine.answer(state, answer.text(), now);
            }
            if (control instanceof RunControl.Stop stop) {
                controls.add(stop);
                return noChange();
            }
            control = controls.poll(1, TimeUnit.SECONDS);
            shutdownIfAsked(control);
        }
    }

    private Decision pause(String reason) throws InterruptedException {
        safeState(channel.hardware());
        long now = channel.clock().millis();
        listener.stateChanged(runId, RunState.PAUSED, now, reason == null ? "paused by the operator" : reason);
        status = new LiveStatus(runId, RunState.PAUSED.name(), state.cycle(), state.stepNumber(), state.stepIndex(),
                state.stepText(), state.pendingPrompt(), lastReading, seq);
        while (true) {
            RunControl control = controls.poll(1, TimeUnit.SECONDS);
            shutdownIfAsked(control);
            if (control instanceof RunControl.Resume) {
                long resumedAt = channel.clock().millis();
                listener.stateChanged(runId, RunState.RUNNING, resumedAt, "resumed");
                return engine.resume(state, resumedAt);
            }
            if (control instanceof RunControl.Stop stop) {
                controls.add(stop);
                return noChange();
            }
        }
    }

    /**
     * Safe state while the database refuses samples; goes on by itself once a batch commits again
     * (or when stopped). The writer keeps the samples taken before the pause and retries them.
     */
    private Decision pauseWhileStorageFails() throws InterruptedException {
        safeState(channel.hardware());
        String reason = "storage error: " + storage.failure();
        LOG.warnf("Run %d on channel %s paused: %s", runId, channel.id(), reason);
        listener.stateChanged(runId, RunState.PAUSED, channel.clock().millis(), reason);
        status = new LiveStatus(runId, RunState.PAUSED.name(), state.cycle(), state.stepNumber(), state.stepIndex(),
                state.stepText(), state.pendingPrompt(), lastReading, seq);
        while (storage.isFailing()) {
            RunControl control = controls.poll(200, TimeUnit.MILLISECONDS);
            shutdownIfAsked(control);
            if (control instanceof RunControl.Stop stop) {
                controls.add(stop);
                return noChange();
            }
        }
        long resumedAt = channel.clock().millis();
        listener.stateChanged(runId, RunState.RUNNING, resumedAt, "storage works again");
        return engine.resume(state, resumedAt);
    }

    private static void shutdownIfAsked(RunControl control) throws StationShutdown {
        if (control instanceof RunControl.Shutdown) {
            throw new StationShutdown();
        }
    }

    /** Ends the runner's loop without ending its run. */
    private static final class StationShutdown extends InterruptedException {
    }

    /** A decision that changes nothing, so the loop looks at its controls again. */
    private Decision noChange() {
        return new Decision(state, List.of(), List.of(), null, channel.clock().millis());
    }

    /** A failed read is retried once; a second failure faults the run. */
    private Measurement measure() {
        ChannelHardware hardware = channel.hardware();
        try {
            return hardware.measure(channel.clock().millis());
        } catch (HalException first) {
            LOG.warnf("Channel %s: read failed, retrying once: %s", channel.id(), first.getMessage());
            return hardware.measure(channel.clock().millis());
        }
    }

    private void finish(RunState end, String reason) throws InterruptedException {
        safeState(channel.hardware());
        awaitStored();
        long now = channel.clock().millis();
        listener.stateChanged(runId, end, now, reason);
        status = new LiveStatus(runId, end.name(), state.cycle(), state.stepNumber(), state.stepIndex(),
                state.stepText(), null, lastReading, seq);
    }

    private void fault(String reason) {
        safeState(channel.hardware());
        try {
            awaitStored();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.stateChanged(runId, RunState.FAULTED, channel.clock().millis(), reason);
        status = new LiveStatus(runId, RunState.FAULTED.name(), status.cycle(), status.stepNumber(),
                status.stepIndex(), status.stepText(), null, lastReading, seq);
    }

    /** Waits until every sample handed to the writer has committed (or failed), so a final state never precedes its data. */
    private void awaitStored() throws InterruptedException {
        try {
            lastStored.toCompletableFuture().get();
        } catch (ExecutionException e) {
            LOG.errorf("Run %d: last samples could not be stored: %s", runId, e.getCause());
        }
    }

    private void safeState(ChannelHardware hardware) {
        try {
            hardware.toSafeState();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Channel %s could not reach its safe state", channel.id());
        }
    }

    private SampleRow toRow(RecordedSample sample, long sequence, String engineState) {
        Measurement m = sample.measurement();
        return new SampleRow(runId, sequence, m.epochMillis(), m.voltage(), m.current(),
                m.workingElectrodePotential(), m.temperature(), sample.cycle(), sample.stepNumber(),
                sample.stepIndex(), sample.stepType(), engineState);
    }

    private static String liveState(RunStatus status) {
        return switch (status) {
            case RUNNING -> RunState.RUNNING.name();
            case WAITING_FOR_ANSWER -> RunState.WAITING_FOR_ANSWER.name();
            case DONE -> RunState.DONE.name();
            case FAULTED -> RunState.FAULTED.name();
        };
    }
}
