package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.hal.sim.hcell.HCellParameters;
import org.no3rr.metrics.potential.IrCompensation;
import org.no3rr.metrics.potential.RheScale;
import org.no3rr.protocol.ProtocolParser;

/**
 * iR compensation of a hold is post-hoc (docs/metrics.md, "iR compensation"): the engine holds the
 * potential as written, whatever the cell's R_u, and the iR-free potential the catalyst saw is
 * E − I·R_u of the recorded samples.
 */
class HoldIrCompensationTest {

    private static final long T0 = 1_700_000_000_000L;
    /** The simulator's default R_u, WE to reference tip. */
    private static final double R_U_OHM = 0.3;

    private static CellMetadata cell(double uncompensatedResistanceOhm) {
        return new CellMetadata(1.0, 2.0, Double.NaN, 40, 7.0, "Ag/AgCl (sat. KCl)", CellMetadata.AG_AGCL_SAT_KCL_V,
                uncompensatedResistanceOhm);
    }

    private static Rehearsal holdOnTheSimulator(CellMetadata cell) throws InterruptedException {
        VirtualClock clock = VirtualClock.atMaxSpeed(T0);
        SimulatedChannel<HCellModel> channel = Simulator.hCell("ch4", HCellParameters.defaults(), clock, 3);
        Engine engine = new Engine(ProtocolParser.parse("Hold at -0.1 V vs RHE for 1 min"), cell, channel.ratings(),
                CellKind.H_CELL_ELECTROLYSIS, 1000);
        Rehearsal rehearsal = Rehearsal.answeringAfter(clock, 0);
        rehearsal.run(engine, channel.hardware());
        return rehearsal;
    }

    @Test
    void theEngineHoldsThePotentialAsWrittenWhateverTheCellsRu() throws InterruptedException {
        // -0.1 V vs RHE − 0.197 V − 0.0592 V × 7 = −0.7114 V vs Ag/AgCl, with and without R_u
        assertThat(holdOnTheSimulator(cell(R_U_OHM)).stored.get(0).commands())
                .contains(new Command.HoldPotential(-0.1 - 0.197 - 0.0592 * 7))
                .isEqualTo(holdOnTheSimulator(cell(0)).stored.get(0).commands());
    }

    @Test
    void theIrFreePotentialIsTheRecordedPotentialLessIRu() throws InterruptedException {
        List<RecordedSample> samples = holdOnTheSimulator(cell(R_U_OHM)).samples();
        RheScale rhe = RheScale.of(cell(R_U_OHM));
        RecordedSample last = samples.get(samples.size() - 1);

        double heldRhe = rhe.toRhe(last.measurement().workingElectrodePotential());
        double amps = last.measurement().current();
        double iRFreeRhe = IrCompensation.compensatedV(heldRhe, amps, R_U_OHM);

        assertThat(samples).as("0 … 60 s").hasSize(61);
        assertThat(heldRhe).as("held, vs RHE").isCloseTo(-0.1, within(0.002));
        assertThat(amps).as("docs/simulator.md: −78.6 mA at −0.1 V vs RHE").isCloseTo(-0.0786, within(0.0005));
        // 78.6 mA through 0.3 Ω: the catalyst saw 23.6 mV less than the −0.1 V held
        assertThat(iRFreeRhe).isCloseTo(heldRhe - amps * R_U_OHM, within(1e-12)).isCloseTo(-0.0764, within(0.0025));
    }
}
