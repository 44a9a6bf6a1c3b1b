package org.no3rr.station.hardware;

import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.SimulatedChannelParameters;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellParameters;
import org.no3rr.station.config.StationConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default backend: simulated cells with plausible physics, one virtual clock per channel at
 * {@code station.simulation.speed}, so no channel's waits move another's time. Channel {@code i}
 * (1-based) gets the noise seed {@code station.simulation.seed + i}, so every channel's noise
 * differs but a rehearsal repeats. A run's cell metadata sets the cell's size and chemistry when
 * the run starts ({@link RunCellSetup}); {@link SimulatedCellKeeper} keeps the cells across restarts.
 */
public final class SimulatedBackend implements HardwareBackend {

    public static final String NAME = "simulated";
    public static final String BATTERY_MODEL = "zn-nitrate-battery";
    public static final String H_CELL_MODEL = "h-cell";

    /** The run's cell metadata that replaces configured cell parameters when the run starts (docs/simulator.md). */
    private static final List<String> RUN_CELL_FIELDS = List.of("areaCm2", "catalystMassMg", "znMassG",
            "catholyteVolumeMl", "ph", "referenceOffsetV");

    private final List<StationChannel> channels = new ArrayList<>();
    private final Map<String, SimulatedChannel<?>> simulated = new LinkedHashMap<>();

    public SimulatedBackend(StationConfig config, ControlLoopWatch watch) {
        StationConfig.Simulation simulation = config.simulation();
        double speed = VirtualClock.parseSpeed(simulation.speed());
        BatteryParameters battery = BatteryParameters.defaults().withOverrides(simulation.batteryParameters());
        HCellParameters hCell = HCellParameters.defaults().withOverrides(simulation.hCellParameters());
        List<String> models = config.channels();
        for (int i = 0; i < models.size(); i++) {
            String id = "ch" + (i + 1);
            String model = models.get(i).trim();
            VirtualClock clock = new VirtualClock(System.currentTimeMillis(), speed);
            long seed = simulation.seed() + i + 1;
            SimulatedChannel<?> channel;
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("backend", NAME);
            snapshot.put("channel", id);
            snapshot.put("model", model);
            snapshot.put("simulationSpeed", simulation.speed());
            snapshot.put("seed", seed);
            snapshot.put("cellParametersTakenFromTheRun", RUN_CELL_FIELDS);
            if (model.equals(BATTERY_MODEL)) {
                channel = Simulator.battery(id, battery, clock, seed);
                snapshot.put("cellParameters", BatteryParameters.TABLE.asMap(battery));
                snapshot.put("channelParameters",
                        SimulatedChannelParameters.TABLE.asMap(SimulatedChannelParameters.forBattery()));
            } else if (model.equals(H_CELL_MODEL)) {
                channel = Simulator.hCell(id, hCell, clock, seed);
                snapshot.put("cellParameters", HCellParameters.TABLE.asMap(hCell));
                snapshot.put("channelParameters",
                        SimulatedChannelParameters.TABLE.asMap(SimulatedChannelParameters.forHCell()));
            } else {
                throw new IllegalArgumentException("station.channels[" + i + "] is '" + model + "'; allowed: "
                        + BATTERY_MODEL + ", " + H_CELL_MODEL);
            }
            simulated.put(id, channel);
            Map<String, Object> frozen = Map.copyOf(snapshot);
            channels.add(new StationChannel(id, channel.hardware(), new WallClockFloor(clock), model, () -> frozen, watch));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StationChannel> channels() {
        return List.copyOf(channels);
    }

    /** The simulator behind a channel: its true chemistry and its fault injector. */
    public Optional<SimulatedChannel<?>> simulatedChannel(String id) {
        return Optional.ofNullable(simulated.get(id));
    }

    @Override
    public void close() {
        for (StationChannel channel : channels) {
            channel.hardware().toSafeState();
        }
    }
}
