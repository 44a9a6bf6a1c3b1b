package org.no3rr.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.Measurement;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.RecordRule;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepKind;

/**
 * The step machine: (state, input) → (state, commands, events, sample, summaries). Pure: it never
 * touches hardware or a clock, never changes the state it is given, and gives equal decisions for
 * equal inputs — so protocol tests assert exact command sequences and a stored state resumes
 * exactly. Its inputs are readings ({@link #next}) and the run's other events: an answer, a pause,
 * a resume, a station restart, a stop, a fault. Pauses, prompts, storage outages and restarts are
 * states of the engine itself.
 *
 * <p><b>Step time.</b> Each step has its own clock, the time the protocol has run it. It advances by
 * the time between consecutive readings while RUNNING and stands still otherwise: time paused,
 * waiting for an answer, refused by storage or with the station down is never step time. A timed
 * step paused half-way runs its other half after it is resumed. The first reading after a gap adds
 * no step time; it is always recorded and starts a new segment, so nothing is integrated across the
 * gap (see {@link StepTotals}). A step's first reading is taken at once, at step time 0, right after
 * its setpoint was applied (so is each level of a polarization staircase); the reading that ends a
 * step is its last sample, and the next step's commands are in the same decision.
 *
 * <p><b>Readings.</b> Safety is checked first on every reading ({@link ReadingChecks}: the channel's
 * ratings, compliance and the protocol's limits); then the step's ends, the first one met winning.
 * After each reading the caller takes the next at {@link Decision#nextReadingAtMillis()}: one interval
 * later, but never past the step's time end or its next setpoint change, so a time end falls
 * exactly on a reading.
 *
 * <p><b>Regulated steps.</b> A cell-voltage hold, CCCV, a constant power and a constant resistance
 * drive the current source with a current the engine picks anew at every reading, so that the cell
 * meets the step's {@link Regulator target}; the cell's resistance for that is learnt from the
 * readings ({@link CellEstimate}). When such a step begins to regulate (at its start, when CCCV
 * reaches its voltage, after every gap) it first <em>settles</em>: up to
 * {@value RegulatedPhase#MOST_SETTLING_READINGS} readings taken at once, each followed by a correction,
 * until one meets the target within its tolerance ({@link RegulatedPhase} holds that loop). Settling readings are checked for safety like any other
 * but are not recorded and add no step time; the first reading that meets the target (or the last
 * one allowed) is recorded as usual. A current end ({@code until 50 mA}) is met only while the step
 * regulates.
 *
 * <p><b>Steps and cycles.</b> Driven steps are numbered 1, 2, … without gaps; an {@code Ask} is not a
 * step (the run waits between steps). When a step ends its {@link StepSummary} is in the decision,
 * with the reading that ended it; when a cycle completes its {@link CycleSummary} too. The run starts
 * in cycle 1. Each iteration of an <em>outermost</em> Repeat block begins a new cycle, except the
 * very first such iteration of the run, which continues cycle 1 (a rest or formation step before the
 * first Repeat belongs to cycle 1). Steps after a Repeat stay in its last cycle; nested Repeats do
 * not count cycles. {@code Stop when …} conditions are checked when a cycle completes.
 *
 * <p><b>Restart.</b> After a station restart, {@link #restart} carries on from the state stored with
 * the run's last stored sample or state change: a running step resumes with its step clock where it
 * stood, a paused run stays paused, a prompt is asked again.
 */
public final class Engine {

    private final Protocol protocol;
    private final CellMetadata cell;
    private final ChannelRatings ratings;
    private final boolean battery;
    private final long readingIntervalMillis;
    private final ProtocolWalker walker;
    private final StepPrograms programs;
    private final ReadingChecks readingChecks;
    private final RecordingFilter recordingFilter;
    private final CycleStops cycleStops;
    private final StepEndCheck stepEnds;
    private final RegulatedPhase regulated;

    /**
     * @param ratings  the channel's ratings: checked on every reading, and its current resolution sets
     *                 the charge floors below which no ratio is reported
     * @param cellKind what the channel drives; battery metrics (CE, EE, voltage gap) only for a battery
     * @throws IllegalArgumentException when the interval is not positive or the protocol needs
     *                                  something the cell metadata lacks (the pH for a potential vs RHE)
     */
    public Engine(Protocol protocol, CellMetadata cell, ChannelRatings ratings, CellKind cellKind,
                  long readingIntervalMillis) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.cell = Objects.requireNonNull(cell, "cell");
        this.ratings = Objects.requireNonNull(ratings, "ratings");
        this.battery = Objects.requireNonNull(cellKind, "cellKind") == CellKind.ZN_NITRATE_BATTERY;
        if (readingIntervalMillis <= 0) {
            throw new IllegalArgumentException("the reading interval must be at least 1 ms, was "
                    + readingIntervalMillis);
        }
        this.readingIntervalMillis = readingIntervalMillis;
        this.walker = new ProtocolWalker(protocol.steps());
        double lowAmps = -ratings.maxCurrentAmps();
        double highAmps = ratings.maxCurrentAmps();
        if (protocol.limits().isPresent() && protocol.limits().get().minCurrent().isPresent()) {
            lowAmps = Math.max(lowAmps, protocol.limits().get().minCurrent().get().toAmps(cell));
            highAmps = Math.min(highAmps, protocol.limits().get().maxCurrent().orElseThrow().toAmps(cell));
        }
        this.programs = new StepPrograms(protocol.steps(), cell, lowAmps, highAmps,
                (ratings.maxVoltage() - ratings.minVoltage()) / ratings.maxCurrentAmps());
        this.readingChecks = new ReadingChecks(protocol.limits(), ratings, cellKind, cell);
        this.recordingFilter = new RecordingFilter(cell);
        this.cycleStops = new CycleStops(protocol.stops());
        this.stepEnds = new StepEndCheck(cell);
        this.regulated = new RegulatedPhase(ratings);
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

    /** Begins the run: the first step's commands and its StepStarted event, with a reading due at once. */
    public Decision start(long epochMillis) {
        Outcome out = new Outcome(epochMillis);
        EngineState.Builder b = EngineState.beforeStart(epochMillis, battery).toBuilder();
        advance(b, epochMillis, out);
        return out.decision(b.build());
    }

    /** Takes one reading into account; a reading while not RUNNING changes nothing. */
    public Decision next(EngineState state, Measurement m) {
        long now = m.epochMillis();
        if (state.state() != RunState.RUNNING) {
            return Decision.unchanged(state, now + readingIntervalMillis);
        }
        Step.Driven step = runningStep(state);
        StepProgram program = programs.of(step);
        EngineState.Builder b = state.toBuilder();
        Outcome out = new Outcome(now);
        ReadingChecks.Verdict verdict = readingChecks.check(m, RegulatedPhase.setpointInForce(state, program),
                state.complianceMisses());
        b.complianceMisses = verdict.misses();
        b.cellEstimate = regulated.learn(state.cellEstimate(), m);
        if (verdict.breach() == null && RegulatedPhase.settling(state, program, m)) {
            apply(b, regulated.settle(b.regulation, program.regulated().target(), b.cellEstimate, m.voltage()), out);
            return out.decision(b.build());
        }
        boolean segmentStart = state.lastReadingMillis() == EngineState.NO_READING;
        long stepTime = segmentStart ? state.stepElapsedMillis()
                : state.stepElapsedMillis() + Math.max(0, now - state.lastReadingMillis());
        b.stepElapsedMillis = stepTime;
        b.lastReadingMillis = now;
        b.regulation = state.regulation().settled();
        RecordedSample sample = new RecordedSample(m, stepTime, state.cycle(), state.stepNumber(), state.stepLine(),
                state.stepKind());

        if (verdict.breach() != null) {
            boolean finite = Double.isFinite(m.voltage()) && Double.isFinite(m.current());
            if (finite) {
                b.step = state.step().plus(stepTime, m.voltage(), m.current());
                out.sample = sample;
            }
            end(b, RunState.FAULTED, verdict.breach(), now, out);
            return out.decision(b.build());
        }

        StepTotals withReading = state.step().plus(stepTime, m.voltage(), m.current());
        String ended = stepEnds.reached(step, program, stepTime, m, withReading, state.regulation().regulating());
        if (ended != null) {
            b.step = withReading;
            out.sample = sample;
            closeStep(b, now, ended, out);
            advance(b, now, out);
            return out.decision(b.build());
        }
        if (segmentStart || recordingFilter.keep(recordingRuleOf(step), state.step(), stepTime, m)) {
            b.step = withReading;
            out.sample = sample;
        }
        out.nextReadingAtMillis = now + untilNextReading(step, program, stepTime);
        if (program.isRegulated()) {
            apply(b, regulated.afterReading(b.regulation, program.regulated(), b.cellEstimate, m.voltage()), out);
            return out.decision(b.build());
        }
        long level = program.levelAt(stepTime);
        if (level != state.level()) {
            b.level = level;
            out.commands.add(program.command(level));
            if (program.readEachLevel()) {
                out.nextReadingAtMillis = now;
            }
        }
        return out.decision(b.build());
    }

    /**
     * A person answered the pending {@code Ask}: the run carries on with the next step.
     *
     * @throws IllegalStateException when the run is not waiting for an answer
     */
    public Decision answer(EngineState state, String answer, long epochMillis) {
        Objects.requireNonNull(answer, "answer");
        if (state.state() != RunState.WAITING_FOR_ANSWER) {
            throw new IllegalStateException("the run is not waiting for an answer; it is " + state.state());
        }
        EngineState.Builder b = state.toBuilder();
        b.state = RunState.RUNNING;
        b.pendingPrompt = null;
        Outcome out = new Outcome(epochMillis);
        out.events.add(new EngineEvent.PromptAnswered(epochMillis, state.pendingPrompt(), answer,
                Math.max(0, epochMillis - state.stepStartMillis())));
        advance(b, epochMillis, out);
        return out.decision(b.build());
    }

    /**
     * Pauses a running run: the channel goes safe and the step clock stands still until
     * {@link #resume}. A run that is not RUNNING is returned unchanged.
     */
    public Decision pause(EngineState state, String reason, long epochMillis) {
        Outcome out = new Outcome(epochMillis);
        if (state.state() != RunState.RUNNING) {
            return out.decision(state);
        }
        EngineState.Builder b = state.toBuilder();
        b.state = RunState.PAUSED;
        b.lastReadingMillis = EngineState.NO_READING;
        b.cellEstimate = state.cellEstimate().forgetReading();
        out.commands.add(new Command.SafeState("paused: " + reason));
        out.events.add(new EngineEvent.Paused(epochMillis, reason));
        return out.decision(b.build());
    }

    /**
     * Resumes a paused run: the step's setpoint again and a reading at once, which starts a new
     * segment of the step. A run that is not PAUSED is returned unchanged.
     */
    public Decision resume(EngineState state, String reason, long epochMillis) {
        Outcome out = new Outcome(epochMillis);
        if (state.state() != RunState.PAUSED) {
            return out.decision(state);
        }
        EngineState.Builder b = state.toBuilder();
        b.state = RunState.RUNNING;
        reenter(b, reason, epochMillis, out);
        return out.decision(b.build());
    }

    /**
     * Carries on a run from its stored state after a station restart (see the class comment).
     *
     * @throws IllegalArgumentException when the state does not belong to this protocol
     */
    public Decision restart(EngineState state, long epochMillis) {
        Outcome out = new Outcome(epochMillis);
        if (state.state().isFinal()) {
            return out.decision(state);
        }
        if (!walker.isRunnable(state.position())) {
            throw new IllegalArgumentException("the stored state's step position " + state.position().encode()
                    + " is not a step of this protocol");
        }
        EngineState.Builder b = state.toBuilder();
        switch (state.state()) {
            case WAITING_FOR_ANSWER -> {
                out.commands.add(new Command.SafeState(waitingReason(state.pendingPrompt())));
                out.events.add(new EngineEvent.PromptRaised(epochMillis, state.pendingPrompt()));
            }
            case PAUSED -> out.commands.add(new Command.SafeState("paused when the station restarted"));
            default -> reenter(b, "station restarted", epochMillis, out);
        }
        return out.decision(b.build());
    }

    /**
     * Ends the run as FAULTED for a reason found outside the engine, e.g. a hardware read that
     * failed: the channel goes to its safe state, the current step and cycle are closed. Does nothing
     * to a run that has already ended.
     */
    public Decision fault(EngineState state, String reason, long epochMillis) {
        return endFromOutside(state, RunState.FAULTED, reason, epochMillis);
    }

    /** Ends the run as STOPPED because a person stopped it; otherwise like {@link #fault}. */
    public Decision stop(EngineState state, String reason, long epochMillis) {
        return endFromOutside(state, RunState.STOPPED, reason, epochMillis);
    }

    private Decision endFromOutside(EngineState state, RunState end, String reason, long epochMillis) {
        Objects.requireNonNull(reason, "reason");
        Outcome out = new Outcome(epochMillis);
        if (state.state().isFinal()) {
            return out.decision(state);
        }
        EngineState.Builder b = state.toBuilder();
        end(b, end, reason, epochMillis, out);
        return out.decision(b.build());
    }

    private Step.Driven runningStep(EngineState state) {
        if (!walker.isRunnable(state.position())) {
            throw new IllegalArgumentException("the state's step position " + state.position().encode()
                    + " is not a step of this protocol");
        }
        Step step = walker.stepAt(state.position());
        if (!(step instanceof Step.Driven)) {
            throw new IllegalArgumentException("the state is " + state.state() + " on line " + step.line()
                    + ", which waits for an answer");
        }
        return (Step.Driven) step;
    }

    /** The running step's setpoint again after a gap, with a reading due at once. */
    private void reenter(EngineState.Builder b, String reason, long now, Outcome out) {
        Step.Driven step = runningStep(b.build());
        StepProgram program = programs.of(step);
        b.level = program.levelAt(b.stepElapsedMillis);
        b.lastReadingMillis = EngineState.NO_READING;
        b.complianceMisses = 0;
        b.cellEstimate = b.cellEstimate.forgetReading();
        if (program.isRegulated()) {
            b.regulation = regulated.resumed(b.regulation);
            out.commands.add(new Command.ApplyCurrent(b.regulation.amps()));
        } else {
            out.commands.add(program.command(b.level));
        }
        out.events.add(new EngineEvent.Resumed(now, reason));
        out.nextReadingAtMillis = now;
    }

    /** Moves to the next step (or ends the run), completing cycles and checking run-level stops. */
    private void advance(EngineState.Builder b, long now, Outcome out) {
        Optional<ProtocolWalker.Move> move = walker.next(b.position);
        if (move.isPresent() && move.get().outerIterationBegun()) {
            if (b.cycleClaimed) {
                CycleSummary completed = b.cycleSoFar;
                closeCycle(b, out);
                String stop = cycleStops.onCycleCompleted(b, completed);
                if (stop != null) {
                    end(b, RunState.DONE, "stopped: " + stop, now, out);
                    return;
                }
                b.cycle++;
                b.cycleSoFar = CycleSummary.begin(b.cycle, battery);
            }
            b.cycleClaimed = true;
        }
        if (move.isEmpty()) {
            end(b, RunState.DONE, "protocol completed", now, out);
            return;
        }
        enter(b, move.get().position(), now, out);
    }

    private void enter(EngineState.Builder b, StepPosition position, long now, Outcome out) {
        Step step = walker.stepAt(position);
        b.position = position;
        b.stepLine = step.line();
        b.stepText = step.text();
        b.stepKind = step.kind();
        b.stepStartMillis = now;
        b.stepElapsedMillis = 0;
        b.level = 0;
        b.lastReadingMillis = EngineState.NO_READING;
        b.step = StepTotals.EMPTY;
        b.complianceMisses = 0;
        b.regulation = Regulation.NONE;
        if (step instanceof Step.Ask ask) {
            b.cellEstimate = b.cellEstimate.forgetReading();
            b.state = RunState.WAITING_FOR_ANSWER;
            b.pendingPrompt = ask.prompt();
            out.commands.add(new Command.SafeState(waitingReason(ask.prompt())));
            out.events.add(new EngineEvent.PromptRaised(now, ask.prompt()));
            return;
        }
        b.stepNumber++;
        out.events.add(new EngineEvent.StepStarted(now, b.stepNumber, b.stepLine, b.cycle, b.stepText));
        StepProgram program = programs.of((Step.Driven) step);
        if (program.isRegulated()) {
            b.regulation = regulated.first(program.regulated(), b.cellEstimate);
            out.commands.add(new Command.ApplyCurrent(b.regulation.amps()));
        } else {
            out.commands.add(program.command(0));
        }
        out.nextReadingAtMillis = now;
    }

    /** A regulated step's correction: its current applied if it changed, its next reading at once if it settles. */
    private static void apply(EngineState.Builder b, RegulatedPhase.Correction correction, Outcome out) {
        b.regulation = correction.regulation();
        if (correction.apply()) {
            out.commands.add(new Command.ApplyCurrent(correction.regulation().amps()));
        }
        if (correction.readAtOnce()) {
            out.nextReadingAtMillis = out.now;
        }
    }

    /** Closes the current driven step, if one is open, into its summary and the cycle. */
    private void closeStep(EngineState.Builder b, long now, String reason, Outcome out) {
        boolean open = b.stepNumber > 0 && b.stepKind != null && b.stepKind != StepKind.ASK
                && (b.state == RunState.RUNNING || b.state == RunState.PAUSED);
        if (!open) {
            return;
        }
        StepSummary summary = new StepSummary(b.cycle, b.stepNumber, b.stepLine, b.stepKind, b.stepText,
                b.stepStartMillis, now, b.step,
                StepSummary.chargeFloorCoulombs(ratings.currentResolutionAmps(), b.step.durationS()), reason);
        out.closedSteps.add(summary);
        out.events.add(new EngineEvent.StepEnded(now, b.stepNumber, reason));
        b.cycleSoFar = b.cycleSoFar.plus(summary);
        b.stepKind = null; // closed: a run that ends right after this step has nothing left to close
    }

    private void closeCycle(EngineState.Builder b, Outcome out) {
        if (b.cycleSoFar.hasSteps()) {
            out.closedCycles.add(b.cycleSoFar);
        }
        b.cycleSoFar = CycleSummary.begin(b.cycle, battery);
    }

    private void end(EngineState.Builder b, RunState end, String reason, long now, Outcome out) {
        closeStep(b, now, reason, out);
        closeCycle(b, out);
        b.state = end;
        b.pendingPrompt = null;
        b.endReason = reason;
        out.commands.add(new Command.SafeState(reason));
        out.events.add(new EngineEvent.RunEnded(now, end, reason));
    }

    private static String waitingReason(String prompt) {
        return "waiting for answer: " + prompt;
    }

    private Optional<RecordRule> recordingRuleOf(Step.Driven step) {
        return step.recording().isPresent() ? step.recording() : protocol.recording();
    }

    /** Step time until the next reading: one interval, but never past the time end or the next setpoint change. */
    private long untilNextReading(Step.Driven step, StepProgram program, long stepTime) {
        long target = Math.min(saturatedAdd(stepTime, readingIntervalMillis),
                Math.min(program.nextLevelChangeAfter(stepTime), StepEndCheck.timeEndMillis(step, program)));
        return Math.max(0, target - stepTime);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** Commands, events, records and the next reading time collected while one decision is made. */
    private final class Outcome {
        final List<Command> commands = new ArrayList<>(2);
        final List<EngineEvent> events = new ArrayList<>(3);
        final List<StepSummary> closedSteps = new ArrayList<>(1);
        final List<CycleSummary> closedCycles = new ArrayList<>(1);
        RecordedSample sample;
        final long now;
        long nextReadingAtMillis;

        Outcome(long now) {
            this.now = now;
            this.nextReadingAtMillis = now + readingIntervalMillis;
        }

        Decision decision(EngineState state) {
            return new Decision(state, commands, events, sample, closedSteps, closedCycles, nextReadingAtMillis);
        }
    }
}
