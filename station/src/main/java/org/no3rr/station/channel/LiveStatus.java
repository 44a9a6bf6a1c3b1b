package org.no3rr.station.channel;

import org.no3rr.hal.Measurement;

/**
 * What a channel is doing right now, as last seen by its runner. Immutable; replaced after
 * every reading.
 *
 * @param lastMeasurement  the latest reading, or null before the first one
 */
public record LiveStatus(long runId, String state, int cycle, int stepNumber, int stepIndex, String stepText,
                         String prompt, Measurement lastMeasurement, long samplesRecorded) {
}
