package org.no3rr.metrics;

import org.no3rr.protocol.StepKind;

/**
 * One cycle of a run: the sum of its steps' {@link StepSummary summaries}, built step by step by the
 * engine (so {@code Stop when … of cycle 1} sees exactly what {@code /cycles} shows) and stored when
 * the cycle completes. Integrals are additive, so a cycle never needs its samples again.
 *
 * <p><b>Halves.</b> Which steps form the charge and the discharge half comes from the protocol
 * ({@link StepKind#half()}), not from the sign of a current: charge steps form the charge half
 * (their anodic charge), discharge and polarization steps the discharge half (their cathodic
 * charge), a battery's voltage hold the half of the charge or discharge step before it in the cycle;
 * rests, electrolysis holds and sweeps belong to neither. A half is <em>present</em> when the cycle has such a step and its charge is above the
 * half's floor (the channel's current resolution × the half's duration). Coulombic and energy
 * efficiency and the voltage gap exist only for a battery run whose cycle has both halves present;
 * otherwise they are null, never a ratio of noise.
 *
 * @param cycle             cycle number, 1-based
 * @param firstStepNumber   its first step (0 before any step was added)
 * @param lastStepNumber    its last step
 * @param startEpochMillis  when its first step began
 * @param endEpochMillis    when its last step ended
 * @param durationS         step time of its steps, s
 * @param chargeCoulombs    ∫I dt over I &gt; 0 over all its steps, C
 * @param dischargeCoulombs ∫|I| dt over I &lt; 0 over all its steps, C (an electrolysis cycle's cathodic charge)
 * @param chargeHalf        its charge steps
 * @param dischargeHalf     its discharge steps
 * @param battery           whether battery metrics (CE, EE, voltage gap, retention) apply: a battery channel's run
 */
public record CycleSummary(int cycle, int firstStepNumber, int lastStepNumber, long startEpochMillis,
                           long endEpochMillis, double durationS, double chargeCoulombs, double dischargeCoulombs,
                           Half chargeHalf, Half dischargeHalf, boolean battery) {

    /** A cycle before its first step. */
    public static CycleSummary begin(int cycle, boolean battery) {
        return new CycleSummary(cycle, 0, 0, 0, 0, 0, 0, 0, Half.NONE, Half.NONE, battery);
    }

    /** The cycle with one more completed step. */
    public CycleSummary plus(StepSummary step) {
        if (step.cycle() != cycle) {
            throw new IllegalArgumentException("step " + step.stepNumber() + " belongs to cycle " + step.cycle()
                    + ", not to cycle " + cycle);
        }
        StepTotals t = step.totals();
        boolean first = firstStepNumber == 0;
        StepKind.Half half = halfOf(step.kind());
        return new CycleSummary(cycle, first ? step.stepNumber() : firstStepNumber, step.stepNumber(),
                first ? step.startEpochMillis() : startEpochMillis, step.endEpochMillis(),
                durationS + step.durationS(), chargeCoulombs + t.chargeCoulombs(),
                dischargeCoulombs + t.dischargeCoulombs(),
                half == StepKind.Half.CHARGE ? chargeHalf.plus(t.chargeCoulombs(), t.chargeEnergyJ(), step) : chargeHalf,
                half == StepKind.Half.DISCHARGE
                        ? dischargeHalf.plus(t.dischargeCoulombs(), t.dischargeEnergyJ(), step) : dischargeHalf,
                battery);
    }

    /** A step's half: its kind's, or for a voltage hold the half of the latest charge or discharge step. */
    private StepKind.Half halfOf(StepKind kind) {
        if (kind.half() != StepKind.Half.PRECEDING) {
            return kind.half();
        }
        if (chargeHalf.steps() == 0 && dischargeHalf.steps() == 0) {
            return StepKind.Half.NONE;
        }
        return chargeHalf.lastStepNumber() > dischargeHalf.lastStepNumber()
                ? StepKind.Half.CHARGE : StepKind.Half.DISCHARGE;
    }

    public boolean hasSteps() {
        return firstStepNumber > 0;
    }

    /** Q_dis / Q_ch, a fraction, whichever half came first; null unless both halves are present (battery runs only). */
    public Double coulombicEfficiency() {
        return bothHalves() ? dischargeHalf.coulombs() / chargeHalf.coulombs() : null;
    }

    /** E_dis / E_ch, a fraction; null unless both halves are present (battery runs only). */
    public Double energyEfficiency() {
        return bothHalves() ? dischargeHalf.energyJ() / chargeHalf.energyJ() : null;
    }

    /** Mean charge voltage − mean discharge voltage, V; null unless both halves are present (battery runs only). */
    public Double voltageGapV() {
        return bothHalves() ? chargeHalf.meanVoltageV() - dischargeHalf.meanVoltageV() : null;
    }

    /** The discharge capacity retention and fade refer to, C; null when the half is absent or not a battery run. */
    public Double dischargeCapacityCoulombs() {
        return battery && dischargeHalf.present() ? dischargeHalf.coulombs() : null;
    }

    /** The charge capacity, C; null when the half is absent or not a battery run. */
    public Double chargeCapacityCoulombs() {
        return battery && chargeHalf.present() ? chargeHalf.coulombs() : null;
    }

    private boolean bothHalves() {
        return battery && chargeHalf.present() && dischargeHalf.present();
    }

    /**
     * The steps of one half of a cycle.
     *
     * @param steps         how many
     * @param coulombs      their charge in the half's direction, C
     * @param energyJ       their energy in the half's direction, J
     * @param durationS     their step time, s
     * @param floorCoulombs  the sum of their charge floors, C
     * @param lastStepNumber the latest of them (0 for none): a voltage hold joins the latest half
     */
    public record Half(int steps, double coulombs, double energyJ, double durationS, double floorCoulombs,
                       int lastStepNumber) {

        static final Half NONE = new Half(0, 0, 0, 0, 0, 0);

        Half plus(double stepCoulombs, double stepEnergyJ, StepSummary step) {
            return new Half(steps + 1, coulombs + stepCoulombs, energyJ + stepEnergyJ, durationS + step.durationS(),
                    floorCoulombs + step.chargeFloorCoulombs(), step.stepNumber());
        }

        /** Whether the cycle has such steps and they passed more than noise. */
        public boolean present() {
            return steps > 0 && coulombs > floorCoulombs;
        }

        /** E / Q of the half, V; NaN without charge. */
        public double meanVoltageV() {
            return Ratios.orNaN(energyJ, coulombs);
        }
    }
}
