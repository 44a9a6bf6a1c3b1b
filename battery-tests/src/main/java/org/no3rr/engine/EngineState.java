package org.no3rr.engine;

import java.util.List;

/**
 * Everything the engine needs to carry on a run, and nothing else: immutable, compared by value,
 * and {@link #encode() encoded} after every recorded sample so a run resumes after a crash.
 *
 * @param status                 where the run is in its life
 * @param position               the running step's place in the protocol, through Repeat blocks
 * @param cycle                  current cycle, 1-based (see {@link Engine} for the rule)
 * @param cycleClaimed           whether an outermost Repeat iteration has begun yet (the first one
 *                               continues cycle 1 instead of starting cycle 2)
 * @param stepNumber             count of steps begun so far (BDF "Step Count")
 * @param stepIndex              protocol line of the running step (BDF "Step Index")
 * @param stepText               the running step's line as written
 * @param stepType               BDF "Step Type" of the running step
 * @param runStartMillis         when the run started
 * @param stepStartMillis        when the running step started; its elapsed time counts from here
 * @param level                  the running step's setpoint level last commanded (staircases, sweeps)
 * @param lastReadingMillis      time of the previous reading of this step, {@link #NO_READING} after a resume
 * @param lastVoltage            its voltage, NaN right at the start of a step
 * @param lastCurrent            its current, NaN right at the start of a step
 * @param lastRecordedMillis     time of the last recorded sample of this step, {@link #NO_READING} if none
 * @param lastRecordedVoltage    its voltage
 * @param lastRecordedCurrent    its current
 * @param stepChargeCoulombs     signed ∫I dt over the running step, trapezoid rule, C
 * @param totalChargeCoulombs    signed ∫I dt over the run, C
 * @param stepEnergyJoules       signed ∫V·I dt over the running step, J
 * @param totalEnergyJoules      signed ∫V·I dt over the run, J
 * @param cycleDischargeCoulombs ∫|I| dt over the discharge steps of the current cycle, C
 * @param cycleChargeCoulombs    ∫|I| dt over the charge steps of the current cycle, C
 * @param referenceCycles        capacities of completed cycles that stop conditions refer to
 * @param waitingMillis          total time spent waiting for answers to Ask steps
 * @param pendingPrompt          the question waiting for an answer, or null
 * @param faultReason            why the run faulted, or null
 */
public record EngineState(RunStatus status, StepPosition position, int cycle, boolean cycleClaimed,
                          int stepNumber, int stepIndex, String stepText, String stepType,
                          long runStartMillis, long stepStartMillis, long level,
                          long lastReadingMillis, double lastVoltage, double lastCurrent,
                          long lastRecordedMillis, double lastRecordedVoltage, double lastRecordedCurrent,
                          double stepChargeCoulombs, double totalChargeCoulombs,
                          double stepEnergyJoules, double totalEnergyJoules,
                          double cycleDischargeCoulombs, double cycleChargeCoulombs,
                          List<CycleCapacity> referenceCycles, long waitingMillis,
                          String pendingPrompt, String faultReason) {

    /** Marks "no reading yet" in {@link #lastReadingMillis} and {@link #lastRecordedMillis}. */
    public static final long NO_READING = Long.MIN_VALUE;

    public EngineState {
        referenceCycles = List.copyOf(referenceCycles);
        stepText = stepText == null ? "" : stepText;
        stepType = stepType == null ? "" : stepType;
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
    static EngineState beforeStart(long epochMillis) {
        return new EngineState(RunStatus.RUNNING, ProtocolWalker.beforeStart(), 1, false, 0, 0, "", "",
                epochMillis, epochMillis, 0, NO_READING, Double.NaN, Double.NaN, NO_READING, Double.NaN, Double.NaN,
                0, 0, 0, 0, 0, 0, List.of(), 0, null, null);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy used while one decision is being made; never escapes the engine. */
    static final class Builder {
        RunStatus status;
        StepPosition position;
        int cycle;
        boolean cycleClaimed;
        int stepNumber;
        int stepIndex;
        String stepText;
        String stepType;
        long runStartMillis;
        long stepStartMillis;
        long level;
        long lastReadingMillis;
        double lastVoltage;
        double lastCurrent;
        long lastRecordedMillis;
        double lastRecordedVoltage;
        double lastRecordedCurrent;
        double stepChargeCoulombs;
        double totalChargeCoulombs;
        double stepEnergyJoules;
        double totalEnergyJoules;
        double cycleDischargeCoulombs;
        double cycleChargeCoulombs;
        List<CycleCapacity> referenceCycles;
        long waitingMillis;
        String pendingPrompt;
        String faultReason;

        private Builder(EngineState s) {
            status = s.status;
            position = s.position;
            cycle = s.cycle;
            cycleClaimed = s.cycleClaimed;
            stepNumber = s.stepNumber;
            stepIndex = s.stepIndex;
            stepText = s.stepText;
            stepType = s.stepType;
            runStartMillis = s.runStartMillis;
            stepStartMillis = s.stepStartMillis;
            level = s.level;
            lastReadingMillis = s.lastReadingMillis;
            lastVoltage = s.lastVoltage;
            lastCurrent = s.lastCurrent;
            lastRecordedMillis = s.lastRecordedMillis;
            lastRecordedVoltage = s.lastRecordedVoltage;
            lastRecordedCurrent = s.lastRecordedCurrent;
            stepChargeCoulombs = s.stepChargeCoulombs;
            totalChargeCoulombs = s.totalChargeCoulombs;
            stepEnergyJoules = s.stepEnergyJoules;
            totalEnergyJoules = s.totalEnergyJoules;
            cycleDischargeCoulombs = s.cycleDischargeCoulombs;
            cycleChargeCoulombs = s.cycleChargeCoulombs;
            referenceCycles = s.referenceCycles;
            waitingMillis = s.waitingMillis;
            pendingPrompt = s.pendingPrompt;
            faultReason = s.faultReason;
        }

        EngineState build() {
            return new EngineState(status, position, cycle, cycleClaimed, stepNumber, stepIndex, stepText, stepType,
                    runStartMillis, stepStartMillis, level, lastReadingMillis, lastVoltage, lastCurrent,
                    lastRecordedMillis, lastRecordedVoltage, lastRecordedCurrent, stepChargeCoulombs,
                    totalChargeCoulombs, stepEnergyJoules, totalEnergyJoules, cycleDischargeCoulombs,
                    cycleChargeCoulombs, referenceCycles, waitingMillis, pendingPrompt, faultReason);
        }
    }
}
