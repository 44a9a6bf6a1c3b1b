package org.no3rr.engine;

import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.Measurement;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepEnd;

/**
 * Which end of a driven step a reading meets, if any: the protocol's ends first, in written order,
 * then the step program's own end (a staircase or sweep that is complete). Time is step time; a
 * capacity or energy end compares the step's totals including this reading; a current end compares
 * the reading's current magnitude, once the step holds its voltage.
 */
final class StepEndCheck {

    /**
     * Relative slack for capacity ends: 0.01 mAh is 0.036000000000000004 C in binary while 1 s at
     * 36 mA integrates to 0.036 C, and a person expects that step to end there.
     */
    private static final double ROUNDING = 1e-9;

    private final CellMetadata cell;

    /** @param cell the run's cell, which turns current ends per area or as a C-rate into amperes */
    StepEndCheck(CellMetadata cell) {
        this.cell = cell;
    }

    /** The step's time end (its own "for …" or the end of its program), as elapsed milliseconds. */
    static long timeEndMillis(Step.Driven step, StepProgram program) {
        long end = program.naturalDurationMillis();
        for (StepEnd e : step.ends()) {
            if (e instanceof StepEnd.AfterTime) {
                end = Math.min(end, ((StepEnd.AfterTime) e).millis());
            }
        }
        return end;
    }

    /**
     * Why the step ends at this reading, or null when it carries on.
     *
     * @param regulating whether the step holds its voltage yet: a current end is met only then (the
     *                   constant-current phase of CCCV never meets it)
     */
    String reached(Step.Driven step, StepProgram program, long elapsedMillis, Measurement m,
                          StepTotals withReading, boolean regulating) {
        double stepChargeCoulombs = withReading.netChargeCoulombs();
        for (StepEnd e : step.ends()) {
            if (e instanceof StepEnd.AfterTime && elapsedMillis >= ((StepEnd.AfterTime) e).millis()) {
                return describeTime(((StepEnd.AfterTime) e).millis()) + " elapsed";
            }
            if (e instanceof StepEnd.AtVoltage) {
                StepEnd.AtVoltage v = (StepEnd.AtVoltage) e;
                if (v.falling() ? m.voltage() <= v.volts() : m.voltage() >= v.volts()) {
                    return NumberText.plain(v.volts()) + " V cut-off reached at " + NumberText.fixed(m.voltage())
                            + " V";
                }
            }
            if (e instanceof StepEnd.AtCurrent current && regulating) {
                double threshold = current.amps(cell);
                double magnitude = Math.abs(m.current());
                if (current.falling() ? magnitude <= threshold : magnitude >= threshold) {
                    return NumberText.plain(threshold * 1000) + " mA reached at " + NumberText.fixed(magnitude * 1000)
                            + " mA";
                }
            }
            if (e instanceof StepEnd.AtEnergy energy) {
                double moved = withReading.chargeEnergyJ() + withReading.dischargeEnergyJ();
                if (moved >= energy.joules() * (1 - ROUNDING)) {
                    return NumberText.plain(energy.joules() / 3.6) + " mWh reached (" + NumberText.fixed(moved / 3.6)
                            + " mWh)";
                }
            }
            if (e instanceof StepEnd.AtCapacity
                    && Math.abs(stepChargeCoulombs) >= ((StepEnd.AtCapacity) e).coulombs() * (1 - ROUNDING)) {
                return NumberText.plain(((StepEnd.AtCapacity) e).coulombs() / 3.6) + " mAh reached ("
                        + NumberText.fixed(Math.abs(stepChargeCoulombs) / 3.6) + " mAh)";
            }
        }
        if (elapsedMillis >= program.naturalDurationMillis()) {
            return step.kind().wireName().replace('_', ' ') + " complete";
        }
        return null;
    }

    private static String describeTime(long millis) {
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return NumberText.plain(millis / 1000.0) + " s";
    }
}
