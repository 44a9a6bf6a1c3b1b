package org.no3rr.metrics;

/**
 * How the interval between the last sample of one step and the first sample of the next is
 * integrated. Within a step the trapezoid rule applies; across a boundary the current jumps
 * between the samples, and linear interpolation across a jump is wrong by half the jump times the
 * interval. The interval always belongs to the later step.
 */
public enum StepBoundaryRule {

    /**
     * The later sample's V and I held constant over the interval. Right for the step engine,
     * which takes a reading exactly at a step's end and applies the next step's setpoint at that
     * reading: during the whole interval the cell is already under the new setpoint. The default.
     */
    HOLD_NEXT_SAMPLE,

    /** Plain trapezoid across the boundary (V and I linear between the two samples). */
    TRAPEZOID,

    /**
     * Not integrated at all: for data where steps are separated by unrecorded time (a wait for a
     * person with the cell disconnected) or whose first sample is taken at the step's start.
     */
    EXCLUDE
}
