package org.no3rr.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.Measurement;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.RecordRule;
import org.no3rr.protocol.Step;

/**
 * The step machine: (state, reading) → (state, commands, events, sample). Pure: it never touches
 * hardware or a clock, never changes the state it is given, and gives equal decisions for equal
 * inputs — so protocol tests assert exact command sequences and a stored state resumes exactly.
 *
 * <p><b>Readings.</b> After each decision the caller takes the next reading at
 * {@link Decision#nextReadingAtMillis()}: one reading interval later, but never past the step's
 * time end or the next level of a staircase, so a time end falls exactly on a reading. Safety is
 * checked first on every reading; then the step's ends, the first one met winning. The reading that
 * ends a step is recorded as that step's last sample, and the next step's commands are in the same
 * decision. Charge and energy are integrated with the trapezoid rule between readings of a step;
 * the first reading of a step integrates from the step's start at that reading's current (the
 * setpoint is applied at the start).
 *
 * <p><b>Cycles.</b> The run starts in cycle 1. Each iteration of an <em>outermost</em> Repeat block
 * begins a new cycle, except the very first such iteration of the run, which continues cycle 1, so
 * that steps before the first Repeat (a rest, a formation step) belong to cycle 1 together with
 * its first iteration. Steps after a Repeat stay in its last cycle. Nested Repeats do not count
 * cycles. Without any Repeat the whole run is cycle 1. {@code Stop when …} conditions are checked
 * when a cycle completes, i.e. when the next one begins.
 *
 * <p><b>Resume.</b> After a station restart, {@link #resume} re-issues the running step's command;
 * cycle, step number, charge and energy so far are kept. The step keeps its start time, so the time
 * the station was down counts as elapsed: a time-ended step runs only for what is left of it, and
 * one whose time ran out during the gap ends at once and the run moves on. No charge is counted for
 * the gap (nothing was measured), and the first reading after resuming starts a fresh integration.
 */
public final class Engine {

    private final Protocol protocol;
    private final CellMetadata cell;
    private final long readingIntervalMillis;
    private final ProtocolWalker walker;
    private final StepPrograms programs;
    private final ReadingChecks readingChecks;
    private final RecordingFilter recordingFilter;
    private final CycleStops cycleStops;

    /**
     * @throws IllegalArgumentException when the interval is not positive or the protocol needs
     *                                  something the cell metadata lacks (the pH for a potential vs RHE)
     */
    public Engine(Protocol protocol, CellMetadata cell, long readingIntervalMillis) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.cell = Objects.requireNonNull(cell, "cell");
        if (readingIntervalMillis <= 0) {
            throw new IllegalArgumentException("the reading interval must be at least 1 ms, was "
                    + readingIntervalMillis);
        }
        this.readingIntervalMillis = readingIntervalMillis;
        this.walker = new ProtocolWalker(protocol.steps());
        this.programs = new StepPrograms(protocol.steps(), cell);
        this.readingChecks = new ReadingChecks(protocol.limits(), cell);
        this.recordingFilter = new RecordingFilter(cell);
        this.cycleStops = new CycleStops(protocol.stops());
    }

    public Protocol protocol() {
        return protocol;
    }

    public CellMetadata cell() {
        return cell;
    }

    public long readingIntervalMillis() {
        return readingIntervalMillis;
    }

    /** Begins the run: the first step's commands and its StepStarted event. */
    public Decision start(long epochMillis) {
        Outcome out = new Outcome(epochMillis);
        EngineState.Builder b = EngineState.beforeStart(epochMillis).toBuilder();
        advance(b, epochMillis, out);
        return out.decision(b.build(), null);
    }

    /** Takes one reading into account. */
    public Decision next(EngineState state, Measurement m) {
        long now = m.epochMillis();
        if (state.status() != RunStatus.RUNNING) {
            return new Decision(state, List.of(), List.of(), null, now + readingIntervalMillis);
        }
        Step.Driven step = runningStep(state);
        StepProgram program = programs.of(step);
        EngineState.Builder b = state.toBuilder();
        ChargeIntegration.addReading(state, m, b);
        RecordedSample sample = new RecordedSample(m, state.cycle(), state.stepNumber(), state.stepIndex(),
                state.stepType());
        Outcome out = new Outcome(now);

        String breach = readingChecks.breach(m);
        if (breach != null) {
            keepAsRecorded(b, m);
            Decision faulted = fault(b.build(), breach, now);
            return new Decision(faulted.state(), faulted.commands(), faulted.events(), sample,
                    faulted.nextReadingAtMillis());
        }

        long elapsed = now - state.stepStartMillis();
        String ended = StepEndCheck.reached(step, program, elapsed, m, b.stepChargeCoulombs);
        if (ended != null) {
            keepAsRecorded(b, m);
            out.events.add(new EngineEvent.StepEnded(now, state.stepNumber(), ended));
            advance(b, now, out);
            return out.decision(b.build(), sample);
        }

        boolean keep = recordingFilter.keep(recordingRuleOf(step), state, m);
        if (keep) {
            keepAsRecorded(b, m);
        }
        long level = program.levelAt(elapsed);
        if (level != state.level()) {
            b.level = level;
            out.commands.add(program.command(level));
        }
        out.nextReadingAtMillis = nextReadingAt(step, program, state.stepStartMillis(), elapsed);
        return out.decision(b.build(), keep ? sample : null);
    }

    /**
     * A person answered the pending {@code Ask}: the wait is recorded and the run carries on.
     *
     * @throws IllegalStateException when the run is not waiting for an answer
     */
    public Decision answer(EngineState state, String answer, long epochMillis) {
        Objects.requireNonNull(answer, "answer");
        if (state.status() != RunStatus.WAITING_FOR_ANSWER) {
            throw new IllegalStateException("the run is not waiting for an answer; it is " + state.status());
        }
        long waited = Math.max(0, epochMillis - state.stepStartMillis());
        EngineState.Builder b = state.toBuilder();
        b.status = RunStatus.RUNNING;
        b.pendingPrompt = null;
        b.waitingMillis += waited;
        Outcome out = new Outcome(epochMillis);
        out.events.add(new EngineEvent.PromptAnswered(epochMillis, state.pendingPrompt(), answer, waited));
        advance(b, epochMillis, out);
        return out.decision(b.build(), null);
    }

    /**
     * Carries on a run from a stored state after a station restart (see the class comment).
     *
     * @throws IllegalArgumentException when the state does not belong to this protocol
     */
    public Decision resume(EngineState state, long epochMillis) {
        Outcome out = new Outcome(epochMillis);
        if (state.status().isFinal()) {
            return out.decision(state, null);
        }
        if (!walker.isRunnable(state.position())) {
            throw new IllegalArgumentException("the stored state's step position " + state.position().encode()
                    + " is not a step of this protocol");
        }
        out.events.add(new EngineEvent.RunResumed(epochMillis, state.stepNumber(), state.cycle()));
        if (state.status() == RunStatus.WAITING_FOR_ANSWER) {
            out.commands.add(new Command.SafeState(waitingReason(state.pendingPrompt())));
            out.events.add(new EngineEvent.PromptRaised(epochMillis, state.pendingPrompt()));
            return out.decision(state, null);
        }
        EngineState.Builder b = state.toBuilder();
        Step.Driven step = runningStep(state);
        StepProgram program = programs.of(step);
        long elapsed = epochMillis - state.stepStartMillis();
        if (elapsed >= StepEndCheck.timeEndMillis(step, program)) {
            out.events.add(new EngineEvent.StepEnded(epochMillis, state.stepNumber(),
                    "its time ran out while the station was down"));
            advance(b, epochMillis, out);
            return out.decision(b.build(), null);
        }
        b.level = program.levelAt(elapsed);
        b.lastReadingMillis = EngineState.NO_READING;
        out.commands.add(program.command(b.level));
        out.nextReadingAtMillis = nextReadingAt(step, program, state.stepStartMillis(), elapsed);
        return out.decision(b.build(), null);
    }

    /**
     * Ends the run as FAULTED for a reason found outside the engine, e.g. a hardware read that
     * failed: the channel goes to its safe state. Does nothing to a run that has already ended.
     */
    public Decision fault(EngineState state, String reason, long epochMillis) {
        return end(state, RunStatus.FAULTED, reason, epochMillis);
    }

    /**
     * Ends the run as DONE because a person stopped it: the channel goes to its safe state. Does
     * nothing to a run that has already ended.
     */
    public Decision stop(EngineState state, String reason, long epochMillis) {
        return end(state, RunStatus.DONE, reason, epochMillis);
    }

    private Decision end(EngineState state, RunStatus status, String reason, long epochMillis) {
        Objects.requireNonNull(reason, "reason");
        Outcome out = new Outcome(epochMillis);
        if (state.status().isFinal()) {
            return out.decision(state, null);
        }
        EngineState.Builder b = state.toBuilder();
        b.pendingPrompt = null;
        if (status == RunStatus.FAULTED) {
            b.status = RunStatus.FAULTED;
            b.faultReason = reason;
            out.commands.add(new Command.SafeState(reason));
            out.events.add(new EngineEvent.RunFaulted(epochMillis, reason));
        } else {
            finish(b, epochMillis, reason, out);
        }
        return out.decision(b.build(), null);
    }

    private Step.Driven runningStep(EngineState state) {
        if (!walker.isRunnable(state.position())) {
            throw new IllegalArgumentException("the state's step position " + state.position().encode()
                    + " is not a step of this protocol");
        }
        Step step = walker.stepAt(state.position());
        if (!(step instanceof Step.Driven)) {
            throw new IllegalArgumentException("the state is RUNNING on line " + step.line()
                    + ", which waits for an answer");
        }
        return (Step.Driven) step;
    }

    /** Moves to the next step (or ends the run), counting cycles and checking run-level stops. */
    private void advance(EngineState.Builder b, long now, Outcome out) {
        Optional<ProtocolWalker.Move> move = walker.next(b.position);
        if (move.isPresent() && move.get().outerIterationBegun()) {
            if (b.cycleClaimed) {
                String stop = cycleStops.onCycleCompleted(b);
                if (stop != null) {
                    finish(b, now, "stopped: " + stop, out);
                    return;
                }
                b.cycle++;
                b.cycleDischargeCoulombs = 0;
                b.cycleChargeCoulombs = 0;
            }
            b.cycleClaimed = true;
        }
        if (move.isEmpty()) {
            finish(b, now, "protocol finished", out);
            return;
        }
        enter(b, move.get().position(), now, out);
    }

    private void enter(EngineState.Builder b, StepPosition position, long now, Outcome out) {
        Step step = walker.stepAt(position);
        b.position = position;
        b.stepNumber++;
        b.stepIndex = step.line();
        b.stepText = step.text();
        b.stepStartMillis = now;
        b.level = 0;
        b.lastReadingMillis = now;
        b.lastVoltage = Double.NaN;
        b.lastCurrent = Double.NaN;
        b.lastRecordedMillis = EngineState.NO_READING;
        b.lastRecordedVoltage = Double.NaN;
        b.lastRecordedCurrent = Double.NaN;
        b.stepChargeCoulombs = 0;
        b.stepEnergyJoules = 0;
        out.events.add(new EngineEvent.StepStarted(now, b.stepNumber, b.stepIndex, b.cycle, b.stepText));
        if (step instanceof Step.Ask) {
            String prompt = ((Step.Ask) step).prompt();
            b.stepType = "ask";
            b.status = RunStatus.WAITING_FOR_ANSWER;
            b.pendingPrompt = prompt;
            out.commands.add(new Command.SafeState(waitingReason(prompt)));
            out.events.add(new EngineEvent.PromptRaised(now, prompt));
            return;
        }
        Step.Driven driven = (Step.Driven) step;
        StepProgram program = programs.of(driven);
        b.stepType = program.type();
        out.commands.add(program.command(0));
        out.nextReadingAtMillis = nextReadingAt(driven, program, now, 0);
    }

    private static void finish(EngineState.Builder b, long now, String reason, Outcome out) {
        b.status = RunStatus.DONE;
        out.commands.add(new Command.SafeState(reason));
        out.events.add(new EngineEvent.RunFinished(now, reason));
    }

    private static String waitingReason(String prompt) {
        return "waiting for answer: " + prompt;
    }

    private static void keepAsRecorded(EngineState.Builder b, Measurement m) {
        b.lastRecordedMillis = m.epochMillis();
        b.lastRecordedVoltage = m.voltage();
        b.lastRecordedCurrent = m.current();
    }

    private Optional<RecordRule> recordingRuleOf(Step.Driven step) {
        return step.recording().isPresent() ? step.recording() : protocol.recording();
    }

    /** One interval on, but never past the step's time end or its next setpoint change. */
    private long nextReadingAt(Step.Driven step, StepProgram program, long stepStartMillis, long elapsedMillis) {
        long target = Math.min(saturatedAdd(Math.max(0, elapsedMillis), readingIntervalMillis),
                Math.min(program.nextLevelChangeAfter(elapsedMillis), StepEndCheck.timeEndMillis(step, program)));
        return saturatedAdd(stepStartMillis, target);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** Commands, events and the next reading time collected while one decision is made. */
    private final class Outcome {
        final List<Command> commands = new ArrayList<>(2);
        final List<EngineEvent> events = new ArrayList<>(3);
        long nextReadingAtMillis;

        Outcome(long now) {
            this.nextReadingAtMillis = now + readingIntervalMillis;
        }

        Decision decision(EngineState state, RecordedSample sample) {
            return new Decision(state, commands, events, sample, nextReadingAtMillis);
        }
    }
}
