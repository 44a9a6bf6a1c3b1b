package org.no3rr.engine;

import java.util.Objects;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.PotentialControl;

/**
 * Applies the engine's commands to one channel's hardware. The only place where a decision turns
 * into relay clicks and setpoints; the order of operations never lets the current source and the
 * potentiostat drive the cell at the same time.
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
        if (command instanceof Command.ApplyCurrent) {
            hw.potentialControl().ifPresent(PotentialControl::release);
            hw.relay().connect();
            hw.currentSource().setCurrent(((Command.ApplyCurrent) command).amps());
        } else if (command instanceof Command.HoldPotential) {
            PotentialControl control = hw.potentialControl().orElseThrow(() -> new HalException("channel " + hw.id()
                    + " has no potential control; a Hold, Sweep or Cycle step needs a three-electrode channel"));
            hw.currentSource().setCurrent(0.0);
            hw.relay().connect();
            control.hold(((Command.HoldPotential) command).voltsVsReference());
        } else {
            hw.toSafeState();
        }
    }
}
