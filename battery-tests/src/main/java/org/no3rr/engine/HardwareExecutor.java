package org.no3rr.engine;

import java.util.Objects;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.PotentialControl;

/**
 * Applies the engine's commands to one channel's hardware. The only place where a decision turns
 * into relay clicks and setpoints. Two rules decide the order:
 * <ul>
 *   <li>the current source and the potentiostat never drive the cell at the same time: the source
 *       is at 0 A whenever the potentiostat takes over or lets go;</li>
 *   <li>an output is set before the relay closes, so the cell is never connected to an output in an
 *       unknown (railed) state: the source at 0 A, the potentiostat at the cell's own open-circuit
 *       potential, read just before; only once the relay is closed is the setpoint applied.</li>
 * </ul>
 * While the relay stays closed (a current step after a current step, a sweep's next potential) the
 * new setpoint is simply applied.
 */
public final class HardwareExecutor {

    private final ChannelHardware hw;

    public HardwareExecutor(ChannelHardware hw) {
        this.hw = Objects.requireNonNull(hw, "hw");
    }

    /**
     * @throws HalException when the hardware fails, or a potential is to be held on a channel without
     *                      potential control
     * @throws IllegalArgumentException when a setpoint is outside what the hardware accepts
     */
    public void apply(Command command) {
        if (command instanceof Command.ApplyCurrent current) {
            applyCurrent(current.amps());
        } else if (command instanceof Command.HoldPotential hold) {
            holdPotential(hold.voltsVsReference());
        } else {
            hw.toSafeState();
        }
    }

    private void applyCurrent(double amps) {
        boolean potentiostatHolds = hw.potentialControl().map(PotentialControl::isHolding).orElse(false);
        if (!hw.relay().isConnected() || potentiostatHolds) {
            hw.currentSource().setCurrent(0.0);
            hw.potentialControl().ifPresent(PotentialControl::release);
            if (!hw.relay().isConnected()) {
                hw.relay().connect();
            }
        }
        hw.currentSource().setCurrent(amps);
    }

    private void holdPotential(double volts) {
        PotentialControl control = hw.potentialControl().orElseThrow(() -> new HalException("channel " + hw.id()
                + " has no potential control; a Hold, Sweep or Cycle step needs a three-electrode channel"));
        if (hw.relay().isConnected() && control.isHolding()) {
            control.hold(volts);
            return;
        }
        hw.currentSource().setCurrent(0.0);
        // At 0 A (relay open, or the source just zeroed) the working electrode sits at its rest potential.
        control.hold(hw.workingElectrodePotential());
        if (!hw.relay().isConnected()) {
            hw.relay().connect();
        }
        control.hold(volts);
    }
}
