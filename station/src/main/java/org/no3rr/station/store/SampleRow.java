package org.no3rr.station.store;

/**
 * A sample on its way to the database, with the engine state that follows it, so the state stored
 * with a run always matches its last stored sample.
 *
 * @param seq          position of the sample in its run, 1-based, without gaps
 * @param engineState  encoded engine state after this sample
 */
public record SampleRow(long runId, long seq, long epochMillis, double voltage, double current,
                        double workingElectrodePotential, double temperature, int cycle, int stepNumber,
                        int stepIndex, String stepType, String engineState) {
}
