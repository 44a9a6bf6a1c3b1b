package org.no3rr.station.store;

import org.no3rr.protocol.StepKind;

/**
 * A sample on its way to the database.
 *
 * @param seq            position of the sample in its run, 1-based, without gaps
 * @param stepTimeMillis the engine's step time of the sample (BDF "Step Time"): it stands still over pauses
 * @param stepLine       protocol line of its step (BDF "Step ID")
 * @param stepKind       what the protocol says its step is (BDF "Step Type")
 */
public record SampleRow(long runId, long seq, long epochMillis, long stepTimeMillis, double voltage, double current,
                        double workingElectrodePotential, double temperature, int cycle, int stepNumber,
                        int stepLine, StepKind stepKind) {
}
