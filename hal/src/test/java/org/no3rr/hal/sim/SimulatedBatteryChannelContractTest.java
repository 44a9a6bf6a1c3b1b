package org.no3rr.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.ChannelHardwareContract;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.battery.BatteryParameters;

class SimulatedBatteryChannelContractTest extends ChannelHardwareContract {

    @Override
    protected ChannelHardware newHardware() {
        return Simulator.battery("b", BatteryParameters.defaults(), VirtualClock.atMaxSpeed(0), 1).hardware();
    }

    @Test
    void isABatteryChannelRatedFiftyMilliampsAndZeroToTwoPointSixVolts() {
        ChannelHardware hw = newHardware();

        assertThat(hw.cellKind()).isEqualTo(CellKind.ZN_NITRATE_BATTERY);
        assertThat(hw.ratings()).isEqualTo(new ChannelRatings(0.05, 0.0, 2.6, 2e-6,
                ChannelRatings.Compliance.defaultFor(0.05)));
        assertThat(hw.measure(0).voltage()).as("OCV of a full cell").isCloseTo(1.579, within(0.002));
    }
}
