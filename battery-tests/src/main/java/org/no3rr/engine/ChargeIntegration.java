package org.no3rr.engine;

import org.no3rr.hal.Measurement;

/**
 * Charge and energy bookkeeping: the trapezoid rule between consecutive readings of a step. The
 * first reading of a step integrates from the step's start at its own current and power (the
 * setpoint is applied when the step starts, so a constant-current step's charge is exact); the
 * first reading after a resume integrates nothing, because nothing was measured during the gap.
 */
final class ChargeIntegration {

    private ChargeIntegration() {
    }

    /** Adds the interval ending at {@code m} to the step, run and cycle totals in {@code b}. */
    static void addReading(EngineState s, Measurement m, EngineState.Builder b) {
        if (s.lastReadingMillis() != EngineState.NO_READING) {
            double seconds = Math.max(0, m.epochMillis() - s.lastReadingMillis()) / 1000.0;
            double power = m.voltage() * m.current();
            boolean fromStepStart = Double.isNaN(s.lastCurrent());
            double previousCurrent = fromStepStart ? m.current() : s.lastCurrent();
            double previousPower = fromStepStart ? power : s.lastVoltage() * s.lastCurrent();
            double charge = (previousCurrent + m.current()) / 2 * seconds;
            double energy = (previousPower + power) / 2 * seconds;
            b.stepChargeCoulombs += charge;
            b.totalChargeCoulombs += charge;
            b.stepEnergyJoules += energy;
            b.totalEnergyJoules += energy;
            if ("discharge".equals(s.stepType())) {
                b.cycleDischargeCoulombs += Math.abs(charge);
            } else if ("charge".equals(s.stepType())) {
                b.cycleChargeCoulombs += Math.abs(charge);
            }
        }
        b.lastReadingMillis = m.epochMillis();
        b.lastVoltage = m.voltage();
        b.lastCurrent = m.current();
    }
}
