package org.no3rr.metrics;

/**
 * One step's charge, energy, mid-point voltage and voltage statistics, fed one sample at a time.
 * All state is primitive and preallocated: {@link #begin} reuses the same instance for every
 * step of a run, so feeding samples never allocates.
 */
public final class StepAccumulator {

    /** Default |I| below which a step counts as a rest: 1 µA, far below any setpoint, above ADC noise of an open relay. */
    public static final double DEFAULT_REST_CURRENT_THRESHOLD_A = 1e-6;

    private final ChargeEnergyIntegrator integrator = new ChargeEnergyIntegrator();
    private final MidpointVoltageTracker midpoint = new MidpointVoltageTracker();
    private final VoltageStatsAccumulator voltage = new VoltageStatsAccumulator();
    private final double restCurrentThresholdA;
    private int cycle;
    private int stepNumber;
    private double maxAbsCurrentA;

    public StepAccumulator() {
        this(DEFAULT_REST_CURRENT_THRESHOLD_A);
    }

    public StepAccumulator(double restCurrentThresholdA) {
        this.restCurrentThresholdA = Arguments.requireNonNegative("restCurrentThresholdA", restCurrentThresholdA);
    }

    /** Starts a new step; forgets the previous one. */
    public void begin(int cycle, int stepNumber) {
        this.cycle = cycle;
        this.stepNumber = stepNumber;
        integrator.reset();
        midpoint.reset();
        voltage.reset();
        maxAbsCurrentA = 0;
    }

    /**
     * Where the first segment of the step starts (a point before the step's first sample, e.g. the
     * previous step's last sample time). Counts towards charge and energy only, not the voltage
     * statistics. Call between {@link #begin} and the first {@link #add}.
     */
    public void startAt(long epochMillis, double voltageV, double currentA) {
        integrator.startAt(epochMillis, voltageV, currentA);
        midpoint.add(0.0, voltageV);
    }

    public void add(long epochMillis, double voltageV, double currentA) {
        integrator.add(epochMillis, voltageV, currentA);
        midpoint.add(integrator.throughputCoulombs(), voltageV);
        voltage.add(epochMillis, voltageV);
        maxAbsCurrentA = Math.max(maxAbsCurrentA, Math.abs(currentA));
    }

    public boolean hasSamples() {
        return voltage.count() > 0;
    }

    public int cycle() {
        return cycle;
    }

    public int stepNumber() {
        return stepNumber;
    }

    public StepSummary summary() {
        if (!hasSamples()) {
            throw new IllegalStateException("step " + stepNumber + " of cycle " + cycle + " has no samples yet");
        }
        double durationS = integrator.durationS();
        double meanCurrentA = durationS > 0 ? integrator.netChargeCoulombs() / durationS : Double.NaN;
        StepKind kind = kind();
        double midpointV = kind == StepKind.REST ? Double.NaN : midpoint.midpointVoltageV();
        return new StepSummary(cycle, stepNumber, kind, integrator.firstEpochMillis(), integrator.lastEpochMillis(),
                integrator.chargeCoulombs(), integrator.dischargeCoulombs(),
                integrator.chargeEnergyJ(), integrator.dischargeEnergyJ(),
                integrator.meanChargeVoltageV(), integrator.meanDischargeVoltageV(),
                midpointV, meanCurrentA, voltage.stats());
    }

    private StepKind kind() {
        if (maxAbsCurrentA <= restCurrentThresholdA) {
            return StepKind.REST;
        }
        return integrator.dischargeCoulombs() >= integrator.chargeCoulombs() ? StepKind.DISCHARGE : StepKind.CHARGE;
    }
}
