package org.no3rr.metrics;

/**
 * Everything measured in one step. SI units; charges and energies per direction are ≥ 0.
 *
 * @param cycle                      cycle number the step belongs to (1-based)
 * @param stepNumber                 running step count (1-based)
 * @param kind                       what the step did, from its current (see {@link StepKind})
 * @param startEpochMillis           start of the integrated interval (see {@link StepBoundaryRule})
 * @param endEpochMillis             time of the step's last sample
 * @param chargeCapacityCoulombs     ∫I dt over I &gt; 0, in C
 * @param dischargeCapacityCoulombs  ∫|I| dt over I &lt; 0, in C
 * @param chargeEnergyJ              ∫V·|I| dt over I &gt; 0, in J
 * @param dischargeEnergyJ           ∫V·|I| dt over I &lt; 0, in J
 * @param meanChargeVoltageV         chargeEnergyJ / chargeCapacityCoulombs, in V (NaN if no charge)
 * @param meanDischargeVoltageV      dischargeEnergyJ / dischargeCapacityCoulombs, in V (NaN if none)
 * @param midpointVoltageV           V at half of the step's ∫|I| dt (see {@link MidpointVoltageTracker}); NaN for a rest
 * @param meanCurrentA               signed ∫I dt / duration, in A (NaN for zero duration)
 * @param voltage                    voltage statistics of the step's own samples; the OCV statistics of a rest
 */
public record StepSummary(int cycle, int stepNumber, StepKind kind, long startEpochMillis, long endEpochMillis,
                          double chargeCapacityCoulombs, double dischargeCapacityCoulombs,
                          double chargeEnergyJ, double dischargeEnergyJ,
                          double meanChargeVoltageV, double meanDischargeVoltageV, double midpointVoltageV,
                          double meanCurrentA, VoltageStats voltage) {

    public double durationS() {
        return (endEpochMillis - startEpochMillis) * 1e-3;
    }

    /** Signed ∫I dt in C (positive = net charge / anodic). */
    public double netChargeCoulombs() {
        return chargeCapacityCoulombs - dischargeCapacityCoulombs;
    }

    public double chargeCapacityMah() {
        return Units.mahFromCoulombs(chargeCapacityCoulombs);
    }

    public double dischargeCapacityMah() {
        return Units.mahFromCoulombs(dischargeCapacityCoulombs);
    }

    /** Signed mean current density in mA cm⁻² over the geometric area. */
    public double meanCurrentDensityMaPerCm2(double areaCm2) {
        Arguments.requirePositive("areaCm2", areaCm2);
        return Units.milliampsPerCm2(meanCurrentA, areaCm2);
    }
}
