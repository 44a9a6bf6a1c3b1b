package org.no3rr.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.ChannelHardwareContract;
import org.no3rr.hal.ChannelRatings;

/** The simulator's channel contract, on the Pi4J backend's battery channel ch1 of the example board. */
class Pi4jBatteryChannelContractTest extends ChannelHardwareContract {

    private final Pi4jChannelContracts rigs = new Pi4jChannelContracts();

    @Override
    protected ChannelHardware newHardware() {
        return rigs.channel("ch1");
    }

    @AfterEach
    void shutdown() {
        rigs.shutdown();
    }

    @Test
    void isABatteryChannelRatedFiftyMilliampsAndZeroToTwoPointSixVolts() {
        ChannelHardware hw = newHardware();

        assertThat(hw.cellKind()).isEqualTo(CellKind.ZN_NITRATE_BATTERY);
        assertThat(hw.ratings()).isEqualTo(new ChannelRatings(0.05, 0.0, 2.6, 2.5e-6,
                ChannelRatings.Compliance.defaultFor(0.05)));
    }
}
