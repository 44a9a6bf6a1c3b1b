package org.no3rr.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.ChannelHardwareContract;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.hcell.HCellParameters;

class SimulatedHCellChannelContractTest extends ChannelHardwareContract {

    @Override
    protected ChannelHardware newHardware() {
        return Simulator.hCell("h", HCellParameters.defaults(), VirtualClock.atMaxSpeed(0), 1).hardware();
    }

    @Test
    void isAThreeElectrodeChannelRatedHalfAnAmpAndPlusMinusThreeVolts() {
        ChannelHardware hw = newHardware();

        assertThat(hw.cellKind()).isEqualTo(CellKind.H_CELL_ELECTROLYSIS);
        assertThat(hw.ratings()).isEqualTo(new ChannelRatings(0.5, -3.0, 3.0, 15.625e-6,
                ChannelRatings.Compliance.defaultFor(0.5)));
    }
}
