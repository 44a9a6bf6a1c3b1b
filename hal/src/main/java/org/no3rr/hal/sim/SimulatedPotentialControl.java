package org.no3rr.hal.sim;

import org.no3rr.hal.PotentialControl;

/** The potentiostat of a simulated H-cell channel; its window is the channel's voltage rating. */
final class SimulatedPotentialControl implements PotentialControl {

    private final SimulatedChannel<?> channel;

    SimulatedPotentialControl(SimulatedChannel<?> channel) {
        this.channel = channel;
    }

    @Override
    public void hold(double volts) {
        channel.commandHold(volts);
    }

    @Override
    public void release() {
        channel.commandRelease();
    }

    @Override
    public boolean isHolding() {
        return channel.holding();
    }
}
