package org.no3rr.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.ChannelHardwareContract;
import org.no3rr.hal.ChannelRatings;

/** The simulator's channel contract, on the Pi4J backend's H-cell channel ch3 of the example board. */
class Pi4jHCellChannelContractTest extends ChannelHardwareContract {

    private final Pi4jChannelContracts rigs = new Pi4jChannelContracts();

    @Override
    protected ChannelHardware newHardware() {
        return rigs.channel("ch3");
    }

    @AfterEach
    void shutdown() {
        rigs.shutdown();
    }

    @Test
    void isAThreeElectrodeChannelRatedATenthOfAnAmpAndPlusMinusThreeVolts() {
        ChannelHardware hw = newHardware();

        assertThat(hw.cellKind()).isEqualTo(CellKind.H_CELL_ELECTROLYSIS);
        assertThat(hw.ratings()).isEqualTo(new ChannelRatings(0.1, -3.0, 3.0, 5e-6,
                ChannelRatings.Compliance.defaultFor(0.1)));
    }
}
