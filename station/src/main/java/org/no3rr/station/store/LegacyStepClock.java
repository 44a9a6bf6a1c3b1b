package org.no3rr.station.store;

/**
 * Step time as the engine before step time counted it, for samples stored by that engine: the time
 * since the step's first recorded sample (that engine did not record pauses inside a step). Fed
 * the samples of the runs in order, run by run.
 */
public final class LegacyStepClock {

    private long runId = Long.MIN_VALUE;
    private int stepNumber = Integer.MIN_VALUE;
    private long stepStartMillis;

    /** The step time of a sample, given in order of run and sequence number. */
    public long stepMillis(long run, int step, long epochMillis) {
        if (run != runId || step != stepNumber) {
            runId = run;
            stepNumber = step;
            stepStartMillis = epochMillis;
        }
        return epochMillis - stepStartMillis;
    }
}
