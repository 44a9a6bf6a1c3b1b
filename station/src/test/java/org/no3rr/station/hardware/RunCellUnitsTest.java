package org.no3rr.station.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.sim.SimulatedCellSetup;

/** The run's metadata (SI-ish units of the API) reaches the simulated cell in the simulator's units. */
class RunCellUnitsTest {

    @Test
    void aNominalCapacityInAhBecomesTheSimulatedCellsMah() {
        // a run that declared 4 mAh once got a cell of 0.004 mAh, emptied in seconds: -0.26 V and a fault
        SimulatedCellSetup setup = RunCellSetup.setupOf(CellMetadata.ofArea(1.5).withNominalCapacityAh(0.004));

        assertThat(setup.nominalCapacityMah()).isEqualTo(4.0);
        assertThat(setup.areaCm2()).isEqualTo(1.5);
    }

    @Test
    void anUndeclaredCapacityStaysUndeclared() {
        assertThat(RunCellSetup.setupOf(CellMetadata.ofArea(1.0)).nominalCapacityMah()).isNaN();
    }
}
