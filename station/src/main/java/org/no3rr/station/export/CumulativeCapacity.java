package org.no3rr.station.export;

import org.no3rr.metrics.ChargeEnergyIntegrator;
import org.no3rr.station.store.StoredSample;

/**
 * Charge and energy passed since the run began, split by direction, updated one sample at a time
 * in constant memory — the BDF export's capacity and energy columns.
 *
 * <p>The totals are <em>cumulative over the whole run</em>, never reset per step or cycle (as Arbin
 * writes them): a per-step or per-cycle value is the difference of two rows. They are integrated
 * exactly as {@code GET /api/runs/{id}/cycles} integrates them, so that difference equals the
 * cycle's summary: within a step {@link ChargeEnergyIntegrator} (trapezoid for charge, exact
 * product for energy, split at zero crossings); across a step boundary the later sample's V and I
 * are held over the gap ({@code StepBoundaryRule.HOLD_NEXT_SAMPLE}, because the engine applies a
 * step's setpoint at the reading that ends the previous step).
 */
final class CumulativeCapacity {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private final ChargeEnergyIntegrator step = new ChargeEnergyIntegrator();
    private double chargeCoulombsBefore;
    private double dischargeCoulombsBefore;
    private double chargeJoulesBefore;
    private double dischargeJoulesBefore;
    private boolean started;
    private int cycle;
    private int stepNumber;
    private long lastMillis;

    void add(StoredSample s) {
        if (started && (s.cycle() != cycle || s.stepNumber() != stepNumber)) {
            chargeCoulombsBefore += step.chargeCoulombs();
            dischargeCoulombsBefore += step.dischargeCoulombs();
            chargeJoulesBefore += step.chargeEnergyJ();
            dischargeJoulesBefore += step.dischargeEnergyJ();
            step.reset();
            step.startAt(lastMillis, s.voltage(), s.current());
        }
        step.add(s.epochMillis(), s.voltage(), s.current());
        started = true;
        cycle = s.cycle();
        stepNumber = s.stepNumber();
        lastMillis = s.epochMillis();
    }

    double chargeAh() {
        return (chargeCoulombsBefore + step.chargeCoulombs()) / SECONDS_PER_HOUR;
    }

    double dischargeAh() {
        return (dischargeCoulombsBefore + step.dischargeCoulombs()) / SECONDS_PER_HOUR;
    }

    double chargeWh() {
        return (chargeJoulesBefore + step.chargeEnergyJ()) / SECONDS_PER_HOUR;
    }

    double dischargeWh() {
        return (dischargeJoulesBefore + step.dischargeEnergyJ()) / SECONDS_PER_HOUR;
    }
}
