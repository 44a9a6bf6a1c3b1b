package org.no3rr.hal.instrument;

import java.util.Objects;
import org.no3rr.hal.CurrentSource;
import org.no3rr.hal.mcp4725.Mcp4725Driver;

/**
 * A bipolar voltage-controlled current source (an improved Howland current pump) whose control
 * voltage comes from an MCP4725: I = (V_dac − V_mid) × G, with V_mid taken from the reference that
 * feeds the DAC, so code 2048 is 0 A whatever the reference's error. Positive current flows into
 * the working / positive electrode (anodic; charges a battery). The safe state never uses the DAC's
 * power-down modes, which would pull the control input to ground and drive the full negative current.
 *
 * <p>The output has a two-point calibration of its own, measured against commanded
 * ({@link TwoPointCalibration}): a setpoint commands the nominal current whose delivered current is
 * the setpoint. It can be replaced while the source runs ({@link LiveCalibration}).
 */
public final class DacCurrentSource implements CurrentSource {

    private final Mcp4725Driver dac;
    private final BipolarDacTransfer transfer;
    private final double maxCurrentAmps;
    private final LiveCalibration calibration;
    private volatile double setpointAmps;

    /**
     * @throws IllegalArgumentException when ±{@code maxCurrentAmps} is beyond what the DAC can set
     */
    public DacCurrentSource(Mcp4725Driver dac, BipolarDacTransfer transfer, double maxCurrentAmps,
                            LiveCalibration calibration) {
        this.dac = Objects.requireNonNull(dac, "dac");
        this.transfer = Objects.requireNonNull(transfer, "transfer");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        if (!(maxCurrentAmps > 0) || !transfer.reaches(maxCurrentAmps)) {
            throw new IllegalArgumentException("maximum current " + maxCurrentAmps + " A is beyond what "
                    + dac.describe() + " can set: " + transfer.minValue() + " A to " + transfer.maxValue() + " A");
        }
        this.maxCurrentAmps = maxCurrentAmps;
        setCurrent(0.0);
    }

    @Override
    public void setCurrent(double amps) {
        CurrentSource.checkSetpoint(amps, maxCurrentAmps);
        dac.setCode(code(amps));
        setpointAmps = amps;
    }

    /** 0 A without waiting for the I2C bus: a busy bus gets the write as soon as it is free. */
    @Override
    public void toSafeState() {
        setpointAmps = 0.0;
        int zero;
        try {
            zero = code(0.0);
        } catch (IllegalArgumentException e) {
            zero = Mcp4725Driver.MID_SCALE;
        }
        dac.setCodeWithoutWaiting(zero);
    }

    @Override
    public void verifySetpoint() {
        dac.verify();
    }

    @Override
    public double setpointAmps() {
        return setpointAmps;
    }

    @Override
    public double maxCurrentAmps() {
        return maxCurrentAmps;
    }

    /** What the DAC actually sets for the present setpoint, after calibration and rounding to a code. */
    public double quantisedSetpointAmps() {
        return calibration.get().apply(transfer.value(code(setpointAmps)));
    }

    private int code(double amps) {
        double nominal = calibration.get().nominalFor(amps);
        try {
            return transfer.code(nominal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("current setpoint " + amps + " A needs a nominal " + nominal
                    + " A after the output calibration, beyond " + dac.describe() + "'s reach " + transfer.minValue()
                    + " A to " + transfer.maxValue() + " A: recalibrate the current source", e);
        }
    }
}
