package org.no3rr.hal.sim;

import org.no3rr.hal.AnalogInput;

/** One analog input of a {@link SimulatedChannel}: a fresh noisy, quantised conversion per call. */
final class SimulatedAnalogInput implements AnalogInput {

    private final SimulatedChannel<?> channel;
    private final SimulatedInput input;

    SimulatedAnalogInput(SimulatedChannel<?> channel, SimulatedInput input) {
        this.channel = channel;
        this.input = input;
    }

    @Override
    public String name() {
        return input.displayName();
    }

    @Override
    public String unit() {
        return input.unit();
    }

    @Override
    public double read() {
        return channel.read(input);
    }
}
