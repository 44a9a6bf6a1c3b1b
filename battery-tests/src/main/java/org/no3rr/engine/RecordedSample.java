package org.no3rr.engine;

import org.no3rr.hal.Measurement;

/**
 * A measurement the engine decided to keep, labelled with the step and cycle it belongs to.
 *
 * @param measurement  the raw reading, SI units
 * @param cycle        cycle number, 1-based (see {@link Engine} for how cycles are counted)
 * @param stepNumber   running count of executed steps, 1-based (BDF "Step Count")
 * @param stepIndex    index of the step in the protocol, 1-based (BDF "Step Index")
 * @param stepType     kind of step, e.g. {@code "discharge"}, {@code "charge"}, {@code "rest"} (BDF "Step Type")
 */
public record RecordedSample(Measurement measurement, int cycle, int stepNumber, int stepIndex, String stepType) {
}
