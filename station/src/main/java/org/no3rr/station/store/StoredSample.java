package org.no3rr.station.store;

import org.no3rr.protocol.StepKind;

/** A sample as read back from the database; absent optional inputs are NaN. See {@link SampleRow}. */
public record StoredSample(long seq, long epochMillis, long stepTimeMillis, double voltage, double current,
                           double workingElectrodePotential, double temperature, int cycle, int stepNumber,
                           int stepLine, StepKind stepKind) {
}
