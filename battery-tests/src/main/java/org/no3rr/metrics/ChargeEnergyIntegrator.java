package org.no3rr.metrics;

/**
 * Charge ∫I dt and energy ∫V·|I| dt of a sampled signal, one sample at a time, in constant
 * memory and without allocating per sample (primitive fields only), so the station can feed it
 * live and recompute a 1.2 M-sample run from storage with the same code.
 *
 * <p>Between two samples V and I are taken as linear in time (the trapezoid rule's model). Both
 * integrals are then computed exactly for that model:
 * <ul>
 *   <li>Charge is split by direction: {@link #chargeCoulombs()} from I &gt; 0 (charging,
 *       anodic at the working electrode) and {@link #dischargeCoulombs()} as ∫|I| dt from I &lt; 0.
 *       A segment whose current changes sign is split at its zero crossing
 *       t<sub>0</sub> = t<sub>a</sub> + Δt·I<sub>a</sub>/(I<sub>a</sub> − I<sub>b</sub>), so each
 *       part is a plain trapezoid and nothing of one direction leaks into the other.</li>
 *   <li>Energy uses the exact integral of the product of two linear functions over a segment of
 *       length h: ∫V·I dt = h·(2·V<sub>a</sub>I<sub>a</sub> + V<sub>a</sub>I<sub>b</sub> +
 *       V<sub>b</sub>I<sub>a</sub> + 2·V<sub>b</sub>I<sub>b</sub>)/6. The trapezoid of the product,
 *       h·(V<sub>a</sub>I<sub>a</sub> + V<sub>b</sub>I<sub>b</sub>)/2, is off by
 *       h·(V<sub>b</sub> − V<sub>a</sub>)(I<sub>b</sub> − I<sub>a</sub>)/12 per segment, which is
 *       why it is not used. The voltage at a zero crossing is interpolated.</li>
 * </ul>
 * Because the model is piecewise linear, adding an extra sample that lies on the line between two
 * samples leaves both integrals unchanged: the result does not depend on how irregularly a
 * piecewise-linear signal was sampled.
 *
 * <p>Time is taken in epoch milliseconds and differences are formed on the {@code long} values
 * before converting to seconds, so absolute epoch times lose no precision.
 */
public final class ChargeEnergyIntegrator {

    private boolean started;
    private long firstMillis;
    private long lastMillis;
    private double lastVoltageV;
    private double lastCurrentA;
    private double chargeCoulombs;
    private double dischargeCoulombs;
    private double chargeEnergyJ;
    private double dischargeEnergyJ;

    /** Forgets everything, ready for the next step; keeps no reference to earlier data. */
    public void reset() {
        started = false;
        firstMillis = 0;
        lastMillis = 0;
        lastVoltageV = 0;
        lastCurrentA = 0;
        chargeCoulombs = 0;
        dischargeCoulombs = 0;
        chargeEnergyJ = 0;
        dischargeEnergyJ = 0;
    }

    /**
     * Sets the point the next segment starts from without integrating anything. A run accumulator
     * uses this to decide how the gap before a step's first sample is counted (see
     * {@code StepBoundaryRule}). Only allowed before the first sample.
     */
    public void startAt(long epochMillis, double voltageV, double currentA) {
        if (started) {
            throw new IllegalStateException("startAt must come before the first sample; call reset() first");
        }
        Arguments.requireFinite("voltageV", voltageV);
        Arguments.requireFinite("currentA", currentA);
        started = true;
        firstMillis = epochMillis;
        lastMillis = epochMillis;
        lastVoltageV = voltageV;
        lastCurrentA = currentA;
    }

    /**
     * Adds one sample; integrates the segment from the previous sample.
     *
     * @throws IllegalArgumentException if time goes backwards or V or I is not finite
     */
    public void add(long epochMillis, double voltageV, double currentA) {
        if (!started) {
            startAt(epochMillis, voltageV, currentA);
            return;
        }
        if (epochMillis < lastMillis) {
            throw new IllegalArgumentException("samples must come in time order: epochMillis " + epochMillis
                    + " is before the previous sample at " + lastMillis);
        }
        if (!Double.isFinite(voltageV) || !Double.isFinite(currentA)) {
            throw new IllegalArgumentException("voltageV and currentA must be finite numbers, were " + voltageV
                    + " V and " + currentA + " A at epochMillis " + epochMillis);
        }
        double seconds = (epochMillis - lastMillis) * 1e-3;
        integrateSegment(seconds, lastVoltageV, lastCurrentA, voltageV, currentA);
        lastMillis = epochMillis;
        lastVoltageV = voltageV;
        lastCurrentA = currentA;
    }

    private void integrateSegment(double seconds, double v0, double i0, double v1, double i1) {
        if ((i0 > 0 && i1 < 0) || (i0 < 0 && i1 > 0)) {
            double fraction = i0 / (i0 - i1);
            double voltageAtZero = v0 + fraction * (v1 - v0);
            integrateSameSign(fraction * seconds, v0, i0, voltageAtZero, 0.0);
            integrateSameSign((1 - fraction) * seconds, voltageAtZero, 0.0, v1, i1);
        } else {
            integrateSameSign(seconds, v0, i0, v1, i1);
        }
    }

    /** Both currents are ≥ 0 or both ≤ 0 here, so the sign of their sum gives the direction. */
    private void integrateSameSign(double seconds, double v0, double i0, double v1, double i1) {
        double charge = seconds * (i0 + i1) * 0.5;
        double energy = seconds * (2 * v0 * i0 + v0 * i1 + v1 * i0 + 2 * v1 * i1) / 6.0;
        if (i0 + i1 > 0) {
            chargeCoulombs += charge;
            chargeEnergyJ += energy;
        } else if (i0 + i1 < 0) {
            dischargeCoulombs -= charge;
            dischargeEnergyJ -= energy;
        }
    }

    public boolean hasSamples() {
        return started;
    }

    /** ∫I dt over I &gt; 0, in C (≥ 0). */
    public double chargeCoulombs() {
        return chargeCoulombs;
    }

    /** ∫|I| dt over I &lt; 0, in C (≥ 0). */
    public double dischargeCoulombs() {
        return dischargeCoulombs;
    }

    /** Signed ∫I dt in C: positive when the net current charged (was anodic). */
    public double netChargeCoulombs() {
        return chargeCoulombs - dischargeCoulombs;
    }

    /** ∫|I| dt in both directions, in C; never decreases, so it can serve as a step's progress axis. */
    public double throughputCoulombs() {
        return chargeCoulombs + dischargeCoulombs;
    }

    /** ∫V·|I| dt over I &gt; 0, in J. */
    public double chargeEnergyJ() {
        return chargeEnergyJ;
    }

    /** ∫V·|I| dt over I &lt; 0, in J. */
    public double dischargeEnergyJ() {
        return dischargeEnergyJ;
    }

    /** E_ch/Q_ch in V; NaN when nothing was charged. */
    public double meanChargeVoltageV() {
        return Ratios.orNaN(chargeEnergyJ, chargeCoulombs);
    }

    /** E_dis/Q_dis in V; NaN when nothing was discharged. */
    public double meanDischargeVoltageV() {
        return Ratios.orNaN(dischargeEnergyJ, dischargeCoulombs);
    }

    public long firstEpochMillis() {
        return firstMillis;
    }

    public long lastEpochMillis() {
        return lastMillis;
    }

    public double lastVoltageV() {
        return lastVoltageV;
    }

    public double lastCurrentA() {
        return lastCurrentA;
    }

    /** Time from the starting point to the last sample, in s. */
    public double durationS() {
        return (lastMillis - firstMillis) * 1e-3;
    }
}
