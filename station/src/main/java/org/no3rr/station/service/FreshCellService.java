package org.no3rr.station.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.channel.ChannelRunner;
import org.no3rr.station.hardware.HardwareBackend;
import org.no3rr.station.hardware.SimulatedBackend;
import org.no3rr.station.hardware.SimulatedCellKeeper;
import org.no3rr.station.hardware.StationChannel;

/**
 * A fresh simulated cell on an idle channel, as a researcher puts a new cell of the same make on the
 * bench: the simulator otherwise keeps the mounted cell from run to run while the declared cell is the
 * same (docs/simulator.md), so a rehearsal that drained it would go on draining it. Kept at once
 * ({@link SimulatedCellKeeper#keepNow}), so a restart finds the fresh cell, not the worn one.
 */
@ApplicationScoped
public class FreshCellService {

    @Inject
    HardwareBackend backend;

    @Inject
    ChannelManager channels;

    @Inject
    SimulatedCellKeeper keeper;

    /**
     * @return the channel's model ({@code zn-nitrate-battery} or {@code h-cell})
     * @throws NotFoundException if there is no such channel
     * @throws ConflictException if the channel is real hardware or a run is on it
     */
    public String mount(String channelId) {
        StationChannel channel = channels.channel(channelId).orElseThrow(
                () -> new NotFoundException(channels.noSuchChannel(channelId)));
        if (!(backend instanceof SimulatedBackend simulated)) {
            throw new ConflictException("channel " + channelId + " is real hardware (backend '" + backend.name()
                    + "'): a new cell is mounted by hand, on the bench");
        }
        SimulatedChannel<?> cell = simulated.simulatedChannel(channelId).orElseThrow();
        // ChannelManager launches a run while holding its own lock: no run can start in between.
        synchronized (channels) {
            channels.activeRunner(channelId).map(ChannelRunner::runId).ifPresent(run -> {
                throw new ConflictException("channel " + channelId + " is busy with run " + run + "; a fresh cell "
                        + "is mounted between runs: stop the run or wait until it ends");
            });
            cell.mountFreshCell();
        }
        keeper.keepNow(channelId);
        return channel.model();
    }
}
