package org.no3rr.hal.instrument;

import java.util.Objects;
import org.no3rr.hal.CellRelay;
import org.no3rr.hal.HalException;
import org.no3rr.hal.PotentialControl;
import org.no3rr.hal.mcp4725.Mcp4725Driver;

/**
 * An analog potentiostat: a control amplifier drives the counter electrode so that the working
 * electrode sits at the setpoint against the reference, E = (V_dac − Vref/2) × k. The setpoint comes
 * from a second MCP4725; a mode relay hands the counter electrode from the current source to the
 * control amplifier while a potential is held.
 *
 * <p>Chosen over a digital loop through the current source because the loop is closed in analog:
 * its bandwidth is set by the control amplifier and the cell (kHz), not by I2C round trips (an
 * ADS1115 read plus an MCP4725 write takes over 1.2 ms, at best a few hundred Hz with no margin
 * against a low-impedance cell). Limits are the amplifier's compliance voltage and slew rate and the
 * DAC's step, documented in {@code docs/hardware.md}.
 *
 * <p>The setpoint has a two-point calibration of its own, measured potential against commanded
 * ({@link TwoPointCalibration}), replaceable while the channel runs ({@link LiveCalibration}).
 */
public final class AnalogPotentiostat implements PotentialControl {

    private final Mcp4725Driver setpointDac;
    private final BipolarDacTransfer transfer;
    private final CellRelay modeRelay;
    private final double minVolts;
    private final double maxVolts;
    private final LiveCalibration calibration;
    private volatile boolean holding;

    /**
     * @throws IllegalArgumentException when the window is beyond what the DAC can set
     */
    public AnalogPotentiostat(Mcp4725Driver setpointDac, BipolarDacTransfer transfer, CellRelay modeRelay,
                              double minVolts, double maxVolts, LiveCalibration calibration) {
        this.setpointDac = Objects.requireNonNull(setpointDac, "setpointDac");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        this.transfer = Objects.requireNonNull(transfer, "transfer");
        this.modeRelay = Objects.requireNonNull(modeRelay, "modeRelay");
        if (!(minVolts < maxVolts) || minVolts < transfer.minValue() || maxVolts > transfer.maxValue()) {
            throw new IllegalArgumentException("potential window " + minVolts + " V to " + maxVolts + " V is beyond what "
                    + setpointDac.describe() + " can set: " + transfer.minValue() + " V to " + transfer.maxValue() + " V");
        }
        this.minVolts = minVolts;
        this.maxVolts = maxVolts;
        release();
    }

    /** Sets the setpoint first, then engages the control amplifier, so the loop never starts at a stale potential. */
    @Override
    public void hold(double volts) {
        if (!(volts >= minVolts && volts <= maxVolts)) {
            throw new IllegalArgumentException("potential " + volts + " V is outside the channel's window "
                    + minVolts + " V to " + maxVolts + " V");
        }
        double nominal = calibration.get().nominalFor(volts);
        int code;
        try {
            code = transfer.code(nominal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("potential " + volts + " V needs a nominal setpoint of " + nominal
                    + " V after the output calibration, beyond " + setpointDac.describe() + "'s reach " + transfer.minValue()
                    + " V to " + transfer.maxValue() + " V: recalibrate the potential control", e);
        }
        setpointDac.setCode(code);
        modeRelay.connect();
        holding = true;
    }

    /**
     * Disengages the control amplifier first (a relay on GPIO), then returns the setpoint to 0 V
     * without waiting for the I2C bus; tries both.
     */
    @Override
    public void release() {
        holding = false;
        HalException failure = null;
        try {
            modeRelay.disconnect();
        } catch (RuntimeException e) {
            failure = new HalException("potentiostat could not be released", e);
        }
        try {
            setpointDac.setCodeWithoutWaiting(Mcp4725Driver.MID_SCALE);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = new HalException("potentiostat could not be released", e);
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean isHolding() {
        return holding;
    }

    @Override
    public void verifySetpoint() {
        setpointDac.verify();
    }
}
