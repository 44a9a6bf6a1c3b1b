package org.no3rr.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;

/**
 * A whole run through the one run loop ({@link RunDriver}) on a virtual clock at maximum speed,
 * with a scripted operator: every question is answered after {@code answerAfterMillis} of virtual
 * time (the clock runs while the run waits, as in a lab), and planned pauses happen at given times
 * and last a given while. Everything the driver stores is kept for the test to check.
 */
final class Rehearsal implements RunSink, RunControls {

    /** A pause the operator makes once the clock has passed {@code atMillis}, lasting {@code forMillis}. */
    record PlannedPause(long atMillis, long forMillis) {
    }

    final List<Decision> stored = new ArrayList<>();
    final List<EngineEvent> events = new ArrayList<>();
    private final VirtualClock clock;
    private final long answerAfterMillis;
    private final Deque<PlannedPause> pauses;
    private EngineState state;
    private long resumeAtMillis = Long.MIN_VALUE;
    boolean refusing;
    /** Called with every stored decision, e.g. to read the simulator's truth at a step's end. */
    java.util.function.Consumer<Decision> observer = d -> { };

    Rehearsal(VirtualClock clock, long answerAfterMillis, List<PlannedPause> pauses) {
        this.clock = clock;
        this.answerAfterMillis = answerAfterMillis;
        this.pauses = new ArrayDeque<>(pauses);
    }

    static Rehearsal answeringAfter(VirtualClock clock, long answerAfterMillis) {
        return new Rehearsal(clock, answerAfterMillis, List.of());
    }

    RunDriver.Outcome run(Engine engine, ChannelHardware hardware) throws InterruptedException {
        return new RunDriver(engine, hardware, clock, this, this).start();
    }

    EngineState state() {
        return state;
    }

    List<RecordedSample> samples() {
        return stored.stream().filter(Decision::recorded).map(Decision::sample).toList();
    }

    List<StepSummary> steps() {
        return stored.stream().flatMap(d -> d.closedSteps().stream()).toList();
    }

    List<CycleSummary> cycles() {
        return stored.stream().flatMap(d -> d.closedCycles().stream()).toList();
    }

    @Override
    public boolean store(Decision decision) {
        if (refusing && decision.recorded()) {
            return false;
        }
        stored.add(decision);
        state = decision.state();
        observer.accept(decision);
        return true;
    }

    @Override
    public void announce(Decision decision) {
        events.addAll(decision.events());
    }

    @Override
    public boolean refusingSamples() {
        return refusing;
    }

    @Override
    public RunControl next(long timeoutMillis) throws InterruptedException {
        if (state.state() == RunState.WAITING_FOR_ANSWER) {
            clock.waitUntil(clock.millis() + answerAfterMillis);
            return new RunControl.Answer("done");
        }
        if (state.state() == RunState.PAUSED && timeoutMillis > 0) {
            clock.waitUntil(resumeAtMillis);
            return new RunControl.Resume();
        }
        if (state.state() == RunState.RUNNING && !pauses.isEmpty() && clock.millis() >= pauses.peek().atMillis()) {
            PlannedPause pause = pauses.poll();
            resumeAtMillis = clock.millis() + pause.forMillis();
            return new RunControl.Pause();
        }
        return null;
    }
}
