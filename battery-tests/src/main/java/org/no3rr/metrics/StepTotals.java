package org.no3rr.metrics;

/**
 * Everything a step's recorded samples add up to — charge and energy by direction, voltage
 * statistics — built one sample at a time by {@link #plus}. This is the station's one integrator:
 * the engine keeps it in its state (so stop conditions and capacity ends see it), stores it with the
 * step when the step ends, and every export, {@code /steps}, {@code /cycles} and reading reads the
 * stored result or recomputes it with this same class over the same samples.
 *
 * <p><b>The one boundary rule.</b> Samples are integrated over <em>step time</em>: the time the
 * protocol ran the step, which stops while the run is paused, waits for an answer, cannot store or
 * the station is down. Between two samples of a step V and I are linear in step time (the
 * trapezoid rule's model); nothing is integrated before a step's first sample (taken at step time 0,
 * when its setpoint has just been applied) or across step boundaries. A gap inside a step leaves
 * step time unchanged, so the sample after it is zero step-seconds from the one before and the gap
 * contributes nothing, whatever the current did meanwhile.
 *
 * <p>Within a segment the integrals are exact for the linear model: charge is split at a zero
 * crossing t₀ = tₐ + h·Iₐ/(Iₐ − I_b) so each direction gets a plain trapezoid, and energy uses
 * ∫V·I dt = h·(2VₐIₐ + VₐI_b + V_bIₐ + 2V_bI_b)/6 (the trapezoid of the product is off by
 * h·ΔV·ΔI/12). Immutable: equal samples in equal order give bit-identical totals.
 *
 * @param sampleCount          samples added
 * @param firstStepMillis      step time of the first sample, ms
 * @param lastStepMillis       step time of the last sample, ms
 * @param lastVoltageV         the last sample's voltage, V
 * @param lastCurrentA         the last sample's current, A (positive = charging / anodic)
 * @param chargeCoulombs       ∫I dt over I &gt; 0, C
 * @param dischargeCoulombs    ∫|I| dt over I &lt; 0, C
 * @param chargeEnergyJ        ∫V·|I| dt over I &gt; 0, J
 * @param dischargeEnergyJ     ∫V·|I| dt over I &lt; 0, J
 * @param firstVoltageV        the first sample's voltage, V
 * @param minVoltageV          lowest sample voltage, V
 * @param maxVoltageV          highest sample voltage, V
 * @param voltageSeconds       ∫V dt, V·s (for the time-weighted mean)
 * @param driftSums            running sums for the least-squares voltage drift
 */
public record StepTotals(long sampleCount, long firstStepMillis, long lastStepMillis,
                         double lastVoltageV, double lastCurrentA,
                         double chargeCoulombs, double dischargeCoulombs,
                         double chargeEnergyJ, double dischargeEnergyJ,
                         double firstVoltageV, double minVoltageV, double maxVoltageV, double voltageSeconds,
                         DriftSums driftSums) {

    /** A step before its first sample. */
    public static final StepTotals EMPTY = new StepTotals(0, 0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0,
            Double.NaN, Double.NaN, Double.NaN, 0, DriftSums.NONE);

    /**
     * The totals with one more sample.
     *
     * @param stepMillis step time of the sample, ms; never before the previous sample's
     * @param voltageV   finite
     * @param currentA   finite
     * @throws IllegalArgumentException when step time goes backwards or a value is not finite
     */
    public StepTotals plus(long stepMillis, double voltageV, double currentA) {
        if (!Double.isFinite(voltageV) || !Double.isFinite(currentA)) {
            throw new IllegalArgumentException("voltage and current must be finite, were " + voltageV + " V and "
                    + currentA + " A at step time " + stepMillis + " ms");
        }
        if (sampleCount == 0) {
            return new StepTotals(1, stepMillis, stepMillis, voltageV, currentA, 0, 0, 0, 0, voltageV, voltageV,
                    voltageV, 0, DriftSums.NONE.plus(stepMillis, voltageV));
        }
        if (stepMillis < lastStepMillis) {
            throw new IllegalArgumentException("step time must not go backwards: " + stepMillis
                    + " ms after " + lastStepMillis + " ms");
        }
        double h = (stepMillis - lastStepMillis) * 1e-3;
        Segment s = Segment.of(h, lastVoltageV, lastCurrentA, voltageV, currentA);
        return new StepTotals(sampleCount + 1, firstStepMillis, stepMillis, voltageV, currentA,
                chargeCoulombs + s.charge, dischargeCoulombs + s.discharge,
                chargeEnergyJ + s.chargeEnergy, dischargeEnergyJ + s.dischargeEnergy,
                firstVoltageV, Math.min(minVoltageV, voltageV), Math.max(maxVoltageV, voltageV),
                voltageSeconds + h * (lastVoltageV + voltageV) / 2, driftSums.plus(stepMillis, voltageV));
    }

    /** Step time covered by the samples, s. */
    public double durationS() {
        return (lastStepMillis - firstStepMillis) * 1e-3;
    }

    /** Signed ∫I dt, C: positive when the step charged (was net anodic). */
    public double netChargeCoulombs() {
        return chargeCoulombs - dischargeCoulombs;
    }

    /** ∫|I| dt in both directions, C. */
    public double throughputCoulombs() {
        return chargeCoulombs + dischargeCoulombs;
    }

    /** Signed mean current ∫I dt / duration, A; NaN for a step of zero duration. */
    public double meanCurrentA() {
        return Ratios.orNaN(netChargeCoulombs(), durationS());
    }

    /** E_ch / Q_ch, V; NaN when nothing was charged. */
    public double meanChargeVoltageV() {
        return Ratios.orNaN(chargeEnergyJ, chargeCoulombs);
    }

    /** E_dis / Q_dis, V; NaN when nothing was discharged. */
    public double meanDischargeVoltageV() {
        return Ratios.orNaN(dischargeEnergyJ, dischargeCoulombs);
    }

    /** Time-weighted mean voltage ∫V dt / duration, V; the sample itself for a single instant; NaN without samples. */
    public double meanVoltageV() {
        return durationS() > 0 ? voltageSeconds / durationS() : firstVoltageV;
    }

    /** Least-squares slope of V against step time, V h⁻¹; NaN for fewer than two distinct times. */
    public double driftVPerHour() {
        return driftSums.slopePerSecond() * 3600;
    }

    /**
     * Sums for the least-squares slope of V against step time, kept relative to the first sample's
     * time so long steps lose no precision.
     */
    public record DriftSums(long count, long originMillis, double sumT, double sumTT, double sumV, double sumTV) {

        static final DriftSums NONE = new DriftSums(0, 0, 0, 0, 0, 0);

        DriftSums plus(long stepMillis, double voltageV) {
            long origin = count == 0 ? stepMillis : originMillis;
            double t = (stepMillis - origin) * 1e-3;
            return new DriftSums(count + 1, origin, sumT + t, sumTT + t * t, sumV + voltageV, sumTV + t * voltageV);
        }

        double slopePerSecond() {
            double denominator = count * sumTT - sumT * sumT;
            return count < 2 || !(denominator > 0) ? Double.NaN : (count * sumTV - sumT * sumV) / denominator;
        }
    }

    /** One segment's integrals, split by direction. */
    private record Segment(double charge, double discharge, double chargeEnergy, double dischargeEnergy) {

        static Segment of(double h, double v0, double i0, double v1, double i1) {
            if ((i0 > 0 && i1 < 0) || (i0 < 0 && i1 > 0)) {
                double fraction = i0 / (i0 - i1);
                double vZero = v0 + fraction * (v1 - v0);
                Segment first = sameSign(fraction * h, v0, i0, vZero, 0.0);
                Segment second = sameSign((1 - fraction) * h, vZero, 0.0, v1, i1);
                return new Segment(first.charge + second.charge, first.discharge + second.discharge,
                        first.chargeEnergy + second.chargeEnergy, first.dischargeEnergy + second.dischargeEnergy);
            }
            return sameSign(h, v0, i0, v1, i1);
        }

        /** Both currents ≥ 0 or both ≤ 0, so the sign of their sum is the direction. */
        private static Segment sameSign(double h, double v0, double i0, double v1, double i1) {
            double charge = h * (i0 + i1) * 0.5;
            double energy = h * (2 * v0 * i0 + v0 * i1 + v1 * i0 + 2 * v1 * i1) / 6.0;
            if (i0 + i1 > 0) {
                return new Segment(charge, 0, energy, 0);
            }
            if (i0 + i1 < 0) {
                return new Segment(0, -charge, 0, -energy);
            }
            return new Segment(0, 0, 0, 0);
        }
    }
}
