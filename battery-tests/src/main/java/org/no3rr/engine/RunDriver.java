package org.no3rr.engine;

import java.util.Objects;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.Measurement;
import org.no3rr.hal.clock.Clock;

/**
 * The one run loop, used by the station's channel runners and by the tests alike: apply the
 * engine's commands, store and announce its decision, take the next reading when it is due (or wait
 * for a control while paused or waiting for an answer), and let the engine decide again — until the
 * run ends or the station shuts down.
 *
 * <p>Order of a decision: its commands first (a fault's safe state must not wait for storage), then
 * storage, then the announcement. A decision whose sample storage refuses is dropped and the run
 * pauses safely from the state before it; it carries on by itself once storage takes samples again.
 * Controls are looked at before every reading. A failed read is retried once; a second failure
 * faults the run. If anything else fails, the channel is put in its safe state before the failure
 * propagates. A decision made outside a reading (a start, an answer, a pause or resume, a fault)
 * takes its time from {@link Clock#holdNow()}, so a simulated clock stands at that instant until
 * the reading it asks for at once.
 */
public final class RunDriver {

    /** How a {@link #run} call ended. */
    public enum Outcome {
        /** The run reached a final state (DONE, STOPPED or FAULTED), stored. */
        ENDED,
        /** The station is shutting down; the run stays resumable from its stored state. */
        SHUT_DOWN
    }

    /** The reason of the pause the driver makes while storage refuses samples. */
    public static final String STORAGE_PAUSE_REASON = "storage refuses samples";

    /** How long to wait for a control while paused or waiting, before looking at storage again. */
    private static final long IDLE_POLL_MILLIS = 200;

    private final Engine engine;
    private final ChannelHardware hardware;
    private final Clock clock;
    private final RunSink sink;
    private final RunControls controls;
    private final HardwareExecutor executor;
    private EngineState state;
    /** Whether the run is paused because storage refused samples (not by a person): it resumes by itself. */
    private boolean pausedForStorage;

    public RunDriver(Engine engine, ChannelHardware hardware, Clock clock, RunSink sink, RunControls controls) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.executor = new HardwareExecutor(hardware);
    }

    /** A new run: starts the engine at the clock's time. */
    public Outcome start() throws InterruptedException {
        return run(engine.start(clock.holdNow()));
    }

    /** A run carried on from its stored state after a restart. */
    public Outcome restart(EngineState stored) throws InterruptedException {
        state = stored;
        return run(engine.restart(stored, clock.holdNow()));
    }

    /** The state of the last decision taken. */
    public EngineState state() {
        return state;
    }

    private Outcome run(Decision first) throws InterruptedException {
        try {
            Decision decision = first;
            while (true) {
                if (!take(decision)) {
                    decision = pauseForStorage();
                    continue;
                }
                if (state.state().isFinal()) {
                    return Outcome.ENDED;
                }
                if (sink.refusingSamples() && state.state() == RunState.RUNNING) {
                    decision = pauseForStorage();
                    continue;
                }
                RunControl control = controls.next(state.state() == RunState.RUNNING ? 0 : IDLE_POLL_MILLIS);
                if (control instanceof RunControl.Shutdown) {
                    return Outcome.SHUT_DOWN;
                }
                decision = control != null ? react(control, decision)
                        : state.state() == RunState.RUNNING ? read(decision) : resumeIfStorageWorks(decision);
            }
        } catch (RuntimeException | InterruptedException e) {
            try {
                hardware.toSafeState();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Applies, stores and announces a decision; false (and nothing adopted) when storage refused it. */
    private boolean take(Decision decision) {
        HalException refused = null;
        try {
            decision.commands().forEach(executor::apply);
        } catch (HalException e) {
            refused = e;
        }
        if (refused != null && !decision.state().state().isFinal()) {
            // what the decision records happened (a reading, a step begun); the hardware's refusal ends the run
            return adopt(decision) && take(engine.fault(decision.state(), "hardware failure: "
                    + refused.getMessage(), clock.holdNow()));
        }
        if (refused != null) {
            adopt(decision); // the run has ended whatever the hardware says; the caller retries the safe state
            throw refused;
        }
        return adopt(decision);
    }

    /** Stores and announces a decision whose commands were applied; false when storage refused it. */
    private boolean adopt(Decision decision) {
        if (state != null && !decision.changes(state)) {
            return true;
        }
        if (!sink.store(decision)) {
            return false;
        }
        state = decision.state();
        sink.announce(decision);
        return true;
    }

    private Decision read(Decision decision) throws InterruptedException {
        clock.waitUntil(decision.nextReadingAtMillis());
        Measurement m;
        try {
            m = measure();
        } catch (HalException e) {
            return engine.fault(state, "hardware failure: " + e.getMessage(), clock.holdNow());
        }
        sink.readingTaken(m.epochMillis());
        return engine.next(state, m);
    }

    private Measurement measure() {
        try {
            return hardware.measure(clock.millis());
        } catch (HalException first) {
            return hardware.measure(clock.millis());
        }
    }

    private Decision react(RunControl control, Decision last) {
        long now = clock.holdNow();
        if (control instanceof RunControl.Stop stop) {
            return engine.stop(state, stop.reason(), now);
        }
        if (control instanceof RunControl.Pause && state.state() == RunState.RUNNING) {
            return engine.pause(state, "paused by the operator", now);
        }
        if (control instanceof RunControl.Resume && state.state() == RunState.PAUSED) {
            return engine.resume(state, "resumed by the operator", now);
        }
        if (control instanceof RunControl.Answer answer && state.state() == RunState.WAITING_FOR_ANSWER) {
            return engine.answer(state, answer.text(), now);
        }
        return Decision.unchanged(state, last.nextReadingAtMillis());
    }

    /** Storage refuses samples: the channel goes safe and the run waits, its step clock standing still. */
    private Decision pauseForStorage() {
        Decision paused = engine.pause(state, STORAGE_PAUSE_REASON, clock.holdNow());
        paused.commands().forEach(executor::apply);
        sink.store(paused);
        state = paused.state();
        sink.announce(paused);
        pausedForStorage = state.state() == RunState.PAUSED;
        return Decision.unchanged(state, clock.millis());
    }

    /** While paused for storage and storage works again: resume. Otherwise nothing changes. */
    private Decision resumeIfStorageWorks(Decision last) {
        if (pausedForStorage && state.state() == RunState.PAUSED && !sink.refusingSamples()) {
            pausedForStorage = false;
            return engine.resume(state, "storage takes samples again", clock.holdNow());
        }
        return Decision.unchanged(state, last.nextReadingAtMillis());
    }
}
