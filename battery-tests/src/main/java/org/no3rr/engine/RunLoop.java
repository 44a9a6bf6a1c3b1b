package org.no3rr.engine;

import java.util.Objects;
import java.util.function.Consumer;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.clock.Clock;

/**
 * The simplest driver of an engine: one thread, one channel, until the run ends or asks a
 * question. For tests and benchmarks; the station runs channels with its own threaded version.
 */
public final class RunLoop {

    private RunLoop() {
    }

    /**
     * Starts the run, then reads, decides and applies until the status is final or waiting for an
     * answer. Every decision goes to {@code sink}. If anything fails, the channel is put in its safe
     * state before the failure propagates.
     *
     * @return the last decision
     */
    public static Decision runToEnd(Engine engine, ChannelHardware hw, Clock clock, Consumer<Decision> sink)
            throws InterruptedException {
        return run(engine, null, hw, clock, sink);
    }

    /**
     * Like {@link #runToEnd}, but carries on from a decision made outside the loop — typically
     * {@link Engine#answer} after the loop returned at a question — instead of starting the run.
     *
     * @return the last decision
     */
    public static Decision continueFrom(Engine engine, Decision decision, ChannelHardware hw, Clock clock,
                                        Consumer<Decision> sink) throws InterruptedException {
        return run(engine, Objects.requireNonNull(decision, "decision"), hw, clock, sink);
    }

    private static Decision run(Engine engine, Decision from, ChannelHardware hw, Clock clock,
                                Consumer<Decision> sink) throws InterruptedException {
        HardwareExecutor executor = new HardwareExecutor(hw);
        try {
            Decision decision = from == null ? engine.start(clock.millis()) : from;
            while (true) {
                decision.commands().forEach(executor::apply);
                sink.accept(decision);
                if (decision.state().status() != RunStatus.RUNNING) {
                    return decision;
                }
                clock.waitUntil(decision.nextReadingAtMillis());
                decision = engine.next(decision.state(), hw.measure(clock.millis()));
            }
        } catch (RuntimeException | InterruptedException e) {
            try {
                hw.toSafeState();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
