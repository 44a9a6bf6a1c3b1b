package org.no3rr.station.store;

/** A sample as read back from the database; absent optional inputs are NaN. */
public record StoredSample(long seq, long epochMillis, double voltage, double current,
                           double workingElectrodePotential, double temperature, int cycle, int stepNumber,
                           int stepIndex, String stepType) {
}
