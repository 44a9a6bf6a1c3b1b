package org.no3rr.hal.instrument;

import org.no3rr.hal.mcp4725.Mcp4725Driver;

/**
 * The transfer of a bipolar stage driven by a 12-bit DAC around mid-scale:
 * {@code value = (V_dac − V_mid) × k}, with {@code V_dac = Vref × code / 4096} (MCP4725, DS22039D
 * Equation 4-1) and {@code V_mid = Vref / 2}. Mid-scale (code 2048) is zero, which is why it is the
 * safe code. For a voltage-controlled current source k is the transconductance in A/V; for a
 * potentiostat's setpoint input it is the setpoint gain in V/V.
 *
 * <p>The range is not symmetric: code 0 gives −Vref/2 × k, code 4095 gives +(2047/4096) × Vref × k.
 */
public record BipolarDacTransfer(double vrefVolts, double unitsPerVolt) {

    public BipolarDacTransfer {
        if (!(vrefVolts > 0) || !Double.isFinite(vrefVolts)) {
            throw new IllegalArgumentException("DAC reference must be a positive number of V, was " + vrefVolts);
        }
        if (!(unitsPerVolt > 0) || !Double.isFinite(unitsPerVolt)) {
            throw new IllegalArgumentException("stage gain must be a positive number per V, was " + unitsPerVolt);
        }
    }

    /** The nearest code for {@code value}; rejects values the DAC cannot reach, with the range. */
    public int code(double value) {
        if (!(value >= minValue() && value <= maxValue())) {
            throw new IllegalArgumentException("value " + value + " is outside the DAC's reach " + minValue() + " to " + maxValue());
        }
        return (int) Math.round(Mcp4725Driver.MID_SCALE + value / unitsPerVolt * Mcp4725Driver.STEPS / vrefVolts);
    }

    /** What {@code code} sets. */
    public double value(int code) {
        Mcp4725Driver.checkCode(code);
        return (code - Mcp4725Driver.MID_SCALE) * vrefVolts / Mcp4725Driver.STEPS * unitsPerVolt;
    }

    /** The value at code 0. */
    public double minValue() {
        return value(0);
    }

    /** The value at code 4095. */
    public double maxValue() {
        return value(Mcp4725Driver.MAX_CODE);
    }

    /** One code step, in the stage's unit. */
    public double resolution() {
        return vrefVolts / Mcp4725Driver.STEPS * unitsPerVolt;
    }

    /** Whether every value from −limit to +limit can be set. */
    public boolean reaches(double limit) {
        return -limit >= minValue() && limit <= maxValue();
    }
}
