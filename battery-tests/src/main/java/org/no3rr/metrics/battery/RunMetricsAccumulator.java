package org.no3rr.metrics.battery;

import java.util.Objects;
import java.util.Optional;

import org.no3rr.cell.CellMetadata;
import org.no3rr.engine.RecordedSample;
import org.no3rr.metrics.StepAccumulator;
import org.no3rr.metrics.StepBoundaryRule;
import org.no3rr.metrics.StepSummary;

/**
 * Per-step and per-cycle metrics of a whole run from its labelled samples, fed in time order,
 * one at a time: live while the run goes, or from storage afterwards — the same code gives the
 * same numbers. A step closes when the step number (or the cycle) changes, a cycle when the
 * cycle number changes; closed summaries go to the {@link RunMetricsListener}. Call
 * {@link #finish()} after the last sample to close the last step and cycle.
 *
 * <p>Memory is constant and feeding a sample allocates nothing: one reusable step and cycle
 * accumulator with primitive fields. Cycle numbers come from the step engine (see docs/metrics.md:
 * each iteration of the outermost Repeat is a cycle); coulombic efficiency is Q_dis/Q_ch within a
 * cycle whichever half comes first.
 */
public final class RunMetricsAccumulator {

    private final CellMetadata cell;
    private final RunMetricsListener listener;
    private final StepBoundaryRule boundaryRule;
    private final StepAccumulator step;
    private final CycleAccumulator cycle = new CycleAccumulator();
    private boolean hasPrevious;
    private long previousMillis;
    private double previousVoltageV;
    private double previousCurrentA;
    private int currentCycle;
    private int currentStep;
    private boolean finished;

    /** Defaults: rest below 1 µA, {@link StepBoundaryRule#HOLD_NEXT_SAMPLE}. */
    public RunMetricsAccumulator(CellMetadata cell, RunMetricsListener listener) {
        this(cell, listener, StepAccumulator.DEFAULT_REST_CURRENT_THRESHOLD_A, StepBoundaryRule.HOLD_NEXT_SAMPLE);
    }

    public RunMetricsAccumulator(CellMetadata cell, RunMetricsListener listener, double restCurrentThresholdA,
                                 StepBoundaryRule boundaryRule) {
        this.cell = Objects.requireNonNull(cell, "cell");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.boundaryRule = Objects.requireNonNull(boundaryRule, "boundaryRule");
        this.step = new StepAccumulator(restCurrentThresholdA);
    }

    public void add(RecordedSample sample) {
        add(sample.cycle(), sample.stepNumber(), sample.measurement().epochMillis(),
                sample.measurement().voltage(), sample.measurement().current());
    }

    /**
     * @param cycleNumber  1-based cycle, never decreasing
     * @param stepNumber   running step count, never decreasing
     * @param epochMillis  never decreasing
     * @param voltageV     cell voltage, V
     * @param currentA     current, A, positive = charge / anodic
     */
    public void add(int cycleNumber, int stepNumber, long epochMillis, double voltageV, double currentA) {
        if (finished) {
            throw new IllegalStateException("finish() was called; start a new RunMetricsAccumulator for more samples");
        }
        if (!hasPrevious) {
            requireAtLeastOne("cycleNumber", cycleNumber);
            requireAtLeastOne("stepNumber", stepNumber);
            cycle.begin(cycleNumber);
            step.begin(cycleNumber, stepNumber);
        } else if (cycleNumber != currentCycle || stepNumber != currentStep) {
            startNextStep(cycleNumber, stepNumber, epochMillis, voltageV, currentA);
        }
        step.add(epochMillis, voltageV, currentA);
        hasPrevious = true;
        previousMillis = epochMillis;
        previousVoltageV = voltageV;
        previousCurrentA = currentA;
        currentCycle = cycleNumber;
        currentStep = stepNumber;
    }

    private void startNextStep(int cycleNumber, int stepNumber, long epochMillis, double voltageV, double currentA) {
        if (cycleNumber < currentCycle || stepNumber < currentStep) {
            throw new IllegalArgumentException("cycle and step numbers must not decrease: got cycle " + cycleNumber
                    + " step " + stepNumber + " after cycle " + currentCycle + " step " + currentStep);
        }
        if (epochMillis < previousMillis) {
            throw new IllegalArgumentException("samples must come in time order: epochMillis " + epochMillis
                    + " is before the previous sample at " + previousMillis);
        }
        closeStep();
        if (cycleNumber != currentCycle) {
            listener.cycleCompleted(cycle.summary(cell));
            cycle.begin(cycleNumber);
        }
        step.begin(cycleNumber, stepNumber);
        switch (boundaryRule) {
            case HOLD_NEXT_SAMPLE -> step.startAt(previousMillis, voltageV, currentA);
            case TRAPEZOID -> step.startAt(previousMillis, previousVoltageV, previousCurrentA);
            case EXCLUDE -> {
                // the step's first sample is its starting point
            }
        }
    }

    private void closeStep() {
        StepSummary summary = step.summary();
        cycle.add(summary);
        listener.stepCompleted(summary);
    }

    /** Closes the last step and cycle and hands them to the listener. Further samples are refused. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (hasPrevious) {
            closeStep();
            listener.cycleCompleted(cycle.summary(cell));
        }
    }

    /** The step being fed, as if it ended at the last sample; empty before the first sample. */
    public Optional<StepSummary> inProgressStep() {
        return hasPrevious && !finished ? Optional.of(step.summary()) : Optional.empty();
    }

    /** The cycle being fed, including the in-progress step; empty before the first sample. */
    public Optional<CycleSummary> inProgressCycle() {
        return inProgressStep().map(s -> cycle.summaryWith(s, cell));
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }
}
