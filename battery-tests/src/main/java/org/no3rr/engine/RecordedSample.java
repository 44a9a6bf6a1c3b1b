package org.no3rr.engine;

import org.no3rr.hal.Measurement;
import org.no3rr.protocol.StepKind;

/**
 * A reading the engine decided to keep, labelled with the step and cycle it belongs to.
 *
 * @param measurement    the raw reading, SI units
 * @param stepTimeMillis step time of the reading: how long the protocol had run the step (BDF "Step Time")
 * @param cycle          cycle number, 1-based (see {@link Engine} for how cycles are counted)
 * @param stepNumber     running count of driven steps, 1-based (BDF "Step Count")
 * @param stepLine       protocol line of the step (BDF "Step ID")
 * @param stepKind       what the protocol says the step is (BDF "Step Type")
 */
public record RecordedSample(Measurement measurement, long stepTimeMillis, int cycle, int stepNumber, int stepLine,
                             StepKind stepKind) {
}
