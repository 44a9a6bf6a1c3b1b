package org.no3rr.hal.sim;

import org.no3rr.hal.CellRelay;

/** The relay port of a {@link SimulatedChannel}; a stuck relay is a {@link FaultInjector} fault. */
final class SimulatedRelay implements CellRelay {

    private final SimulatedChannel<?> channel;

    SimulatedRelay(SimulatedChannel<?> channel) {
        this.channel = channel;
    }

    @Override
    public void connect() {
        channel.commandRelay(true);
    }

    @Override
    public void disconnect() {
        channel.commandRelay(false);
    }

    @Override
    public boolean isConnected() {
        return channel.relayCommandedClosed();
    }
}
