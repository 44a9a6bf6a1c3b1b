package org.no3rr.engine;

import java.util.List;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.StepKind;

/**
 * Everything the engine needs to carry on a run, and nothing else: immutable, compared by value,
 * and {@link #encode() encoded} with every stored sample and state change so a run resumes exactly.
 *
 * @param state              where the run is in its life
 * @param position           the current step's place in the protocol, through Repeat blocks
 * @param cycle              current cycle, 1-based (see {@link Engine} for the rule)
 * @param cycleClaimed       whether an outermost Repeat iteration has begun yet (the first one
 *                           continues cycle 1 instead of starting cycle 2)
 * @param stepNumber         driven steps begun so far (BDF "Step Count"); an Ask is not a step
 * @param stepLine           protocol line of the current step (BDF "Step ID")
 * @param stepText           the current step's line as written
 * @param stepKind           what the current step is; null before the first step
 * @param runStartMillis     when the run started
 * @param stepStartMillis    when the current step began, on the channel's clock
 * @param stepElapsedMillis  step time: how long the protocol has run the current step, as of the last
 *                           reading; it stands still while paused, waiting or down
 * @param level              the setpoint level last commanded (staircases, sweeps)
 * @param lastReadingMillis  clock time of the last reading of the running segment; {@link #NO_READING}
 *                           after a gap, so the next reading adds no step time
 * @param step               the current step's totals over its recorded samples
 * @param cycleSoFar         the current cycle's completed steps
 * @param referenceCycles    capacities of completed cycles that stop conditions refer to
 * @param complianceMisses   consecutive readings whose output missed its setpoint by more than the tolerance
 * @param regulation         where a regulated step stands; {@link Regulation#NONE} for other steps
 * @param cellEstimate       the last reading and the cell's measured resistance (for regulated steps)
 * @param pendingPrompt      the question waiting for an answer, or null
 * @param endReason          why the run ended (or paused), or null
 */
public record EngineState(RunState state, StepPosition position, int cycle, boolean cycleClaimed,
                          int stepNumber, int stepLine, String stepText, StepKind stepKind,
                          long runStartMillis, long stepStartMillis, long stepElapsedMillis, long level,
                          long lastReadingMillis, StepTotals step, CycleSummary cycleSoFar,
                          List<CycleCapacity> referenceCycles, int complianceMisses,
                          Regulation regulation, CellEstimate cellEstimate,
                          String pendingPrompt, String endReason) {

    /** Marks "no reading in the running segment" in {@link #lastReadingMillis}. */
    public static final long NO_READING = Long.MIN_VALUE;

    public EngineState {
        referenceCycles = List.copyOf(referenceCycles);
        stepText = stepText == null ? "" : stepText;
    }

    /** Compact, versioned text form that {@link #decode(String)} turns back into an equal state. */
    public String encode() {
        return EngineStateCodec.encode(this);
    }

    /**
     * @throws IllegalArgumentException when the text is not an encoded state of a known version
     */
    public static EngineState decode(String encoded) {
        return EngineStateCodec.decode(encoded);
    }

    /** The state of a run that has not begun its first step. */
    static EngineState beforeStart(long epochMillis, boolean battery) {
        return new EngineState(RunState.RUNNING, ProtocolWalker.beforeStart(), 1, false, 0, 0, "", null,
                epochMillis, epochMillis, 0, 0, NO_READING, StepTotals.EMPTY, CycleSummary.begin(1, battery),
                List.of(), 0, Regulation.NONE, CellEstimate.UNKNOWN, null, null);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy used while one decision is being made; never escapes the engine. */
    static final class Builder {
        RunState state;
        StepPosition position;
        int cycle;
        boolean cycleClaimed;
        int stepNumber;
        int stepLine;
        String stepText;
        StepKind stepKind;
        long runStartMillis;
        long stepStartMillis;
        long stepElapsedMillis;
        long level;
        long lastReadingMillis;
        StepTotals step;
        CycleSummary cycleSoFar;
        List<CycleCapacity> referenceCycles;
        int complianceMisses;
        Regulation regulation;
        CellEstimate cellEstimate;
        String pendingPrompt;
        String endReason;

        private Builder(EngineState s) {
            state = s.state;
            position = s.position;
            cycle = s.cycle;
            cycleClaimed = s.cycleClaimed;
            stepNumber = s.stepNumber;
            stepLine = s.stepLine;
            stepText = s.stepText;
            stepKind = s.stepKind;
            runStartMillis = s.runStartMillis;
            stepStartMillis = s.stepStartMillis;
            stepElapsedMillis = s.stepElapsedMillis;
            level = s.level;
            lastReadingMillis = s.lastReadingMillis;
            step = s.step;
            cycleSoFar = s.cycleSoFar;
            referenceCycles = s.referenceCycles;
            complianceMisses = s.complianceMisses;
            regulation = s.regulation;
            cellEstimate = s.cellEstimate;
            pendingPrompt = s.pendingPrompt;
            endReason = s.endReason;
        }

        EngineState build() {
            return new EngineState(state, position, cycle, cycleClaimed, stepNumber, stepLine, stepText, stepKind,
                    runStartMillis, stepStartMillis, stepElapsedMillis, level, lastReadingMillis, step, cycleSoFar,
                    referenceCycles, complianceMisses, regulation, cellEstimate, pendingPrompt, endReason);
        }
    }
}
