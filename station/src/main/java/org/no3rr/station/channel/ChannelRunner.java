package org.no3rr.station.channel;

import org.jboss.logging.Logger;
import org.no3rr.engine.Decision;
import org.no3rr.engine.Engine;
import org.no3rr.engine.EngineState;
import org.no3rr.engine.RecordedSample;
import org.no3rr.engine.RunControl;
import org.no3rr.engine.RunControls;
import org.no3rr.engine.RunDriver;
import org.no3rr.engine.RunSink;
import org.no3rr.engine.RunState;
import org.no3rr.hal.Measurement;
import org.no3rr.station.hardware.StationChannel;
import org.no3rr.station.messaging.SamplePublisher;
import org.no3rr.station.messaging.StorageStatus;
import org.no3rr.station.store.DecisionEvent;
import org.no3rr.station.store.RunProgress;
import org.no3rr.station.store.SampleRow;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one run on one channel, on its own thread, through the station's one run loop
 * ({@link RunDriver}): this class only connects the loop to the station — decisions go to the
 * writer as {@link RunProgress} and to the run's history and live views; controls come from the
 * API. Nothing here blocks another channel or an HTTP thread.
 *
 * <p>Whatever ends the loop — the protocol's end, a fault, a stop, the station shutting down or an
 * unexpected error — the channel's hardware is put into its safe state before the thread ends.
 */
public final class ChannelRunner implements Runnable, RunSink, RunControls {

    private static final Logger LOG = Logger.getLogger(ChannelRunner.class);

    private final StationChannel channel;
    private final long runId;
    private final Engine engine;
    private final EngineState resumeFrom;
    private final SamplePublisher publisher;
    private final RunListener listener;
    private final StorageStatus storage;
    private final BlockingQueue<RunControl> controls = new LinkedBlockingQueue<>();

    private long seq;
    private volatile CompletionStage<Void> lastStored = CompletableFuture.completedFuture(null);
    private SampleRow pendingSample;
    private volatile LiveStatus status;

    /** What a runner reports to and relies on, the same for every run. */
    public record Services(SamplePublisher publisher, RunListener listener, StorageStatus storage) {
    }

    /**
     * @param resumeFrom           the run's stored engine state after a restart, or null for a new run
     * @param samplesAlreadyStored how many samples the run has stored, so numbering continues without gaps
     */
    public ChannelRunner(StationChannel channel, long runId, Engine engine, EngineState resumeFrom,
                         long samplesAlreadyStored, Services services) {
        this.channel = channel;
        this.runId = runId;
        this.engine = engine;
        this.resumeFrom = resumeFrom;
        this.seq = samplesAlreadyStored;
        this.publisher = services.publisher();
        this.listener = services.listener();
        this.storage = services.storage();
        this.status = new LiveStatus(runId, resumeFrom == null ? RunState.RUNNING : resumeFrom.state(), resumeFrom,
                null, seq);
    }

    public long runId() {
        return runId;
    }

    public LiveStatus status() {
        return status;
    }

    /**
     * Waits until everything this runner has handed to the writer so far has committed, so a reader
     * that asks next sees it (a step that has just ended, at its prompt).
     *
     * @return false when that did not happen within the timeout
     */
    public boolean flushed(long timeoutMillis) {
        try {
            lastStored.toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Queues a request; the runner handles it before its next reading. */
    public void send(RunControl control) {
        controls.add(control);
    }

    @Override
    public void run() {
        channel.watch().loopStarted(channel.id(), runId, engine.readingIntervalMillis());
        try {
            listener.started(runId, channel.clock().millis(), resumeFrom != null);
            RunDriver driver = new RunDriver(engine, channel.hardware(), channel.clock(), this, this);
            RunDriver.Outcome outcome = resumeFrom == null ? driver.start() : driver.restart(resumeFrom);
            if (outcome == RunDriver.Outcome.SHUT_DOWN) {
                LOG.infof("Run %d on channel %s left resumable at shutdown", runId, channel.id());
            }
            awaitStored();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (faultedByWatch()) {
                LOG.warnf("Run %d on channel %s: its runner went on after the watch had faulted the run as stalled "
                        + "(%s); it stored nothing more", runId, channel.id(), e.getMessage());
            } else {
                LOG.errorf(e, "Run %d on channel %s failed", runId, channel.id());
                faultAfterError(e);
            }
        } finally {
            safeState();
            channel.watch().loopEnded(channel.id());
        }
    }

    /**
     * Hands a decision to the writer. Once the control-loop watch has faulted the run (its FAULT and end
     * reason are stored), a runner that wakes up stores nothing: this throws and its loop ends.
     */
    @Override
    public boolean store(Decision decision) {
        if (faultedByWatch()) {
            throw new IllegalStateException("run " + runId + " was faulted by the control-loop watch");
        }
        SampleRow sample = decision.recorded() ? toRow(decision.sample(), seq + 1) : null;
        EngineState state = decision.state();
        RunProgress progress = new RunProgress(runId, sample, decision.closedSteps(), decision.closedCycles(),
                state.encode(), state.state(), state.state().isFinal() ? state.endReason() : null,
                channel.clock().millis(), decision.events().stream().map(DecisionEvent::of).toList());
        Optional<CompletionStage<Void>> stored;
        try {
            stored = publisher.publish(progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a sample to the writer", e);
        }
        if (stored.isEmpty()) {
            return false;
        }
        lastStored = stored.get();
        if (sample != null) {
            seq++;
        }
        pendingSample = sample;
        return true;
    }

    @Override
    public void announce(Decision decision) {
        Measurement last = decision.recorded() ? decision.sample().measurement()
                : status.lastMeasurement();
        status = new LiveStatus(runId, decision.state().state(), decision.state(), last, seq);
        listener.decided(runId, channel.id(), decision, pendingSample);
        pendingSample = null;
    }

    @Override
    public boolean refusingSamples() {
        return storage.isFailing();
    }

    /** Proof for the control-loop watch that this loop is alive; throws once the watch has faulted it. */
    @Override
    public void readingTaken(long epochMillis) {
        channel.watch().readingDone(channel.id());
    }

    @Override
    public RunControl next(long timeoutMillis) throws InterruptedException {
        return timeoutMillis <= 0 ? controls.poll() : controls.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** An unexpected error ended the loop: the run is faulted (stored once storage takes it) and the channel safe. */
    private void faultAfterError(RuntimeException error) {
        safeState();
        EngineState state = status.engine();
        if (state == null || state.state().isFinal()) {
            return;
        }
        Decision faulted = engine.fault(state, "station error: " + error, channel.clock().millis());
        if (store(faulted)) {
            announce(faulted);
        }
        try {
            awaitStored();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean faultedByWatch() {
        return channel.watch().faulted(channel.id());
    }

    /** Waits until everything handed to the writer has committed (or failed), so an ended run's data is complete. */
    private void awaitStored() throws InterruptedException {
        try {
            lastStored.toCompletableFuture().get();
        } catch (ExecutionException e) {
            LOG.errorf("Run %d: its last updates could not be stored: %s", runId, e.getCause());
        }
    }

    private void safeState() {
        try {
            channel.hardware().toSafeState();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Channel %s could not reach its safe state", channel.id());
        }
    }

    private SampleRow toRow(RecordedSample sample, long sequence) {
        Measurement m = sample.measurement();
        return new SampleRow(runId, sequence, m.epochMillis(), sample.stepTimeMillis(), m.voltage(), m.current(),
                m.workingElectrodePotential(), m.temperature(), sample.cycle(), sample.stepNumber(),
                sample.stepLine(), sample.stepKind());
    }
}
