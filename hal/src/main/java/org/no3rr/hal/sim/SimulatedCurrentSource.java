package org.no3rr.hal.sim;

import org.no3rr.hal.CurrentSource;

/** The bipolar current source of a {@link SimulatedChannel}, rated by the channel's ratings. */
final class SimulatedCurrentSource implements CurrentSource {

    private final SimulatedChannel<?> channel;

    SimulatedCurrentSource(SimulatedChannel<?> channel) {
        this.channel = channel;
    }

    @Override
    public void setCurrent(double amps) {
        channel.commandCurrent(amps);
    }

    @Override
    public double setpointAmps() {
        return channel.setpointAmps();
    }

    @Override
    public double maxCurrentAmps() {
        return channel.ratings().maxCurrentAmps();
    }
}
