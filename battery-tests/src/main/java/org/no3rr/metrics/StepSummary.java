package org.no3rr.metrics;

import org.no3rr.protocol.StepKind;

/**
 * One step of a run as it ended: what the protocol said it was, when it ran, its {@link StepTotals}
 * and why it ended. Made by the engine at the moment the step ends and stored with the step's last
 * sample; {@code /steps}, {@code /cycles}, the exports and the readings read it from there.
 *
 * @param cycle               cycle the step belongs to (1-based)
 * @param stepNumber          running count of the run's driven steps, 1-based and without gaps (BDF "Step Count")
 * @param stepLine            the protocol line of the step (BDF "Step ID")
 * @param kind                what the protocol says the step is; a rest is a rest whatever the noise
 * @param text                the protocol line as written
 * @param startEpochMillis    when the step began
 * @param endEpochMillis      when it ended (its last sample, or the stop or fault)
 * @param totals              integrals and voltage statistics of its recorded samples over step time
 * @param chargeFloorCoulombs the channel's current resolution × the step's duration: a charge at or
 *                            below it cannot be told from noise and yields no ratio and no FE
 * @param endReason           which end was met, e.g. "0.8 V cut-off reached at 0.7994 V", "1 h elapsed"
 */
public record StepSummary(int cycle, int stepNumber, int stepLine, StepKind kind, String text,
                          long startEpochMillis, long endEpochMillis, StepTotals totals,
                          double chargeFloorCoulombs, String endReason) {

    /** The charge floor of a step: a charge no larger cannot be told from a bias of one resolution step. */
    public static double chargeFloorCoulombs(double currentResolutionAmps, double durationS) {
        return currentResolutionAmps * durationS;
    }

    /** Step time the step ran, s (pauses, prompts and outages excluded). */
    public double durationS() {
        return totals.durationS();
    }

    /** The cathodic (reducing) charge ∫|I| dt over I &lt; 0, C: the one Faradaic efficiency divides by. */
    public double reducingChargeCoulombs() {
        return totals.dischargeCoulombs();
    }

    /** Whether a charge of this step is above its floor, i.e. more than noise. */
    public boolean aboveFloor(double coulombs) {
        return coulombs > chargeFloorCoulombs;
    }

    /** Signed mean current density over the geometric area, mA cm⁻²; NaN for a step of zero duration. */
    public double meanCurrentDensityMaPerCm2(double areaCm2) {
        Arguments.requirePositive("areaCm2", areaCm2);
        return Units.milliampsPerCm2(totals.meanCurrentA(), areaCm2);
    }
}
