package org.no3rr.metrics;

import org.no3rr.protocol.StepKind;

/** Step summaries for metric tests: a constant current and voltage sampled every {@code intervalS}. */
public final class TestSteps {

    private TestSteps() {
    }

    /** The step's kind follows the current as a protocol would write it: discharge, charge or rest. */
    public static StepSummary constant(int cycle, int stepNumber, double currentA, double voltageV, int seconds,
                                       int intervalS) {
        StepKind kind = currentA < 0 ? StepKind.DISCHARGE : currentA > 0 ? StepKind.CHARGE : StepKind.REST;
        return constant(cycle, stepNumber, kind, currentA, voltageV, seconds, intervalS);
    }

    public static StepSummary constant(int cycle, int stepNumber, StepKind kind, double currentA, double voltageV,
                                       int seconds, int intervalS) {
        StepTotals totals = StepTotals.EMPTY;
        for (int s = 0; s <= seconds; s += intervalS) {
            totals = totals.plus(s * 1000L, voltageV, currentA);
        }
        return new StepSummary(cycle, stepNumber, stepNumber, kind, kind.wireName(), 0, seconds * 1000L, totals,
                StepSummary.chargeFloorCoulombs(1e-6, totals.durationS()), "test");
    }
}
