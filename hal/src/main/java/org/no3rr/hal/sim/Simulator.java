package org.no3rr.hal.sim;

import java.util.Map;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.clock.Clock;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.hal.sim.hcell.HCellParameters;

/**
 * Builds simulated channels — the station's default backend. The same seed and the same sequence
 * of calls give the same readings, so a simulated run can be repeated exactly.
 */
public final class Simulator {

    private Simulator() {
    }

    /** A Zn–NO3⁻ battery on a battery channel with {@link SimulatedChannelParameters#forBattery()}. */
    public static SimulatedChannel<BatteryModel> battery(String id, BatteryParameters cell, Clock clock, long seed) {
        return battery(id, cell, SimulatedChannelParameters.forBattery(), clock, seed);
    }

    public static SimulatedChannel<BatteryModel> battery(String id, BatteryParameters cell,
                                                         SimulatedChannelParameters channel, Clock clock, long seed) {
        return new SimulatedChannel<>(id, new CellDesign<>(BatteryParameters.TABLE.validate(cell),
                BatteryParameters::forCell, BatteryModel::new, BatteryModel::parameters), channel, clock, seed);
    }

    /** An H-cell electrolysis on a three-electrode channel with {@link SimulatedChannelParameters#forHCell()}. */
    public static SimulatedChannel<HCellModel> hCell(String id, HCellParameters cell, Clock clock, long seed) {
        return hCell(id, cell, SimulatedChannelParameters.forHCell(), clock, seed);
    }

    public static SimulatedChannel<HCellModel> hCell(String id, HCellParameters cell,
                                                     SimulatedChannelParameters channel, Clock clock, long seed) {
        return new SimulatedChannel<>(id, new CellDesign<>(HCellParameters.TABLE.validate(cell),
                HCellParameters::forCell, HCellModel::new, HCellModel::parameters), channel, clock, seed);
    }

    /**
     * A channel for {@code kind} with defaults changed by configuration strings, for a station that
     * reads both maps from its configuration (keys are the suffixes in docs/simulator.md).
     *
     * @param cellOverrides    keys of {@link BatteryParameters#TABLE} or {@link HCellParameters#TABLE}
     * @param channelOverrides keys of {@link SimulatedChannelParameters#TABLE}
     * @throws IllegalArgumentException naming any unknown key or bad value
     */
    public static SimulatedChannel<?> channel(String id, CellKind kind, Map<String, String> cellOverrides,
                                              Map<String, String> channelOverrides, Clock clock, long seed) {
        return switch (kind) {
            case ZN_NITRATE_BATTERY -> battery(id, BatteryParameters.defaults().withOverrides(cellOverrides),
                    SimulatedChannelParameters.forBattery().withOverrides(channelOverrides), clock, seed);
            case H_CELL_ELECTROLYSIS -> hCell(id, HCellParameters.defaults().withOverrides(cellOverrides),
                    SimulatedChannelParameters.forHCell().withOverrides(channelOverrides), clock, seed);
        };
    }
}
