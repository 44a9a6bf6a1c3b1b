package org.no3rr.hal.instrument;

import java.util.Objects;
import org.no3rr.hal.CurrentSource;
import org.no3rr.hal.mcp4725.Mcp4725Driver;

/**
 * A bipolar voltage-controlled current source (an improved Howland current pump) whose control
 * voltage comes from an MCP4725: I = (V_dac − Vref/2) × G. Positive current flows into the working /
 * positive electrode (anodic; charges a battery). Zero amps is mid-scale, so the safe state never
 * uses the DAC's power-down modes, which would pull the control input to ground and drive the full
 * negative current.
 */
public final class DacCurrentSource implements CurrentSource {

    private final Mcp4725Driver dac;
    private final BipolarDacTransfer transfer;
    private final double maxCurrentAmps;
    private volatile double setpointAmps;

    /**
     * @throws IllegalArgumentException when ±{@code maxCurrentAmps} is beyond what the DAC can set
     */
    public DacCurrentSource(Mcp4725Driver dac, BipolarDacTransfer transfer, double maxCurrentAmps) {
        this.dac = Objects.requireNonNull(dac, "dac");
        this.transfer = Objects.requireNonNull(transfer, "transfer");
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
        dac.setCode(transfer.code(amps));
        setpointAmps = amps;
    }

    @Override
    public double setpointAmps() {
        return setpointAmps;
    }

    @Override
    public double maxCurrentAmps() {
        return maxCurrentAmps;
    }

    /** What the DAC actually sets for the present setpoint, after rounding to a code. */
    public double quantisedSetpointAmps() {
        return transfer.value(transfer.code(setpointAmps));
    }
}
