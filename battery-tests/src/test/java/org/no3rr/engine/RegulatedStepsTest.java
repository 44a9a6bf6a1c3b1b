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
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.metrics.StepSummary;
import org.no3rr.protocol.ProtocolParser;

/**
 * The regulated steps on the simulated battery (1 cm², 5 mAh, 0.3 mV voltage noise, a reading a
 * second): CCCV holds its voltage and ends on its current, constant power keeps V·I and constant
 * resistance V/I, a C-rate uses the nominal capacity, an energy end ends on ∫V·|I|dt — every
 * recorded sample, settling included, and across a pause.
 */
class RegulatedStepsTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long TEN_MINUTES = 600_000;

    private final VirtualClock clock = VirtualClock.atMaxSpeed(T0);
    private final SimulatedChannel<BatteryModel> channel = Simulator.battery("ch1", BatteryParameters.defaults(),
            clock, 3);

    private Rehearsal rehearse(String protocol, CellMetadata cell, List<Rehearsal.PlannedPause> pauses)
            throws InterruptedException {
        Rehearsal rehearsal = new Rehearsal(clock, TEN_MINUTES, pauses);
        Engine engine = new Engine(ProtocolParser.parse(protocol), cell, channel.ratings(),
                CellKind.ZN_NITRATE_BATTERY, 1000);
        assertThat(rehearsal.run(engine, channel.hardware())).isEqualTo(RunDriver.Outcome.ENDED);
        assertThat(rehearsal.state().state()).as(rehearsal.state().endReason()).isEqualTo(RunState.DONE);
        return rehearsal;
    }

    private static List<RecordedSample> ofStep(Rehearsal run, int stepNumber) {
        return run.samples().stream().filter(s -> s.stepNumber() == stepNumber).toList();
    }

    @Test
    void aCccvChargeHoldsItsVoltageWithin5MillivoltsAndEndsWhenTheCurrentFallsBelowItsThreshold()
            throws InterruptedException {
        // The cell charges by oxygen evolution: at 2.1 V its current falls only as the OCV rises with the
        // state of charge, from 5 mA at half charge to 2.9 mA when full (docs/protocols.md).
        Rehearsal run = rehearse("Discharge at 5 mA until 0.8 V\n"
                + "Charge at 5 mA until 2.1 V then hold until 3 mA or 3 h", CellMetadata.ofArea(1.0), List.of());

        List<RecordedSample> charge = ofStep(run, 2);
        int firstHeld = indexOfFirst(charge, s -> s.measurement().voltage() >= 2.1);
        List<RecordedSample> constantCurrent = charge.subList(0, firstHeld);
        List<RecordedSample> held = charge.subList(firstHeld + 1, charge.size());
        assertThat(constantCurrent).hasSizeGreaterThan(1000).allSatisfy(s ->
                assertThat(s.measurement().current()).isCloseTo(0.005, within(10e-6)));
        assertThat(held).hasSizeGreaterThan(1000).allSatisfy(s ->
                assertThat(s.measurement().voltage()).isCloseTo(2.1, within(0.005)));
        RecordedSample last = charge.get(charge.size() - 1);
        assertThat(last.measurement().current()).isLessThanOrEqualTo(0.003);
        assertThat(held.get(held.size() - 2).measurement().current()).isGreaterThan(0.003);
        StepSummary step = run.steps().get(1);
        assertThat(step.endReason()).startsWith("3 mA reached at ");
        assertThat(step.durationS()).isLessThan(3 * 3600);
    }

    @Test
    void aConstantPowerDischargeKeepsVTimesIWithin1PercentOfItsSetpoint() throws InterruptedException {
        Rehearsal run = rehearse("Rest for 1 min\nDischarge at 5 mW until 0.8 V", CellMetadata.ofArea(1.0),
                List.of());

        List<RecordedSample> discharge = ofStep(run, 2);
        assertThat(discharge).hasSizeGreaterThan(2000);
        assertThat(discharge.subList(0, discharge.size() - 1)).allSatisfy(s ->
                assertThat(s.measurement().voltage() * s.measurement().current()).isCloseTo(-0.005, within(5e-5)));
        assertThat(discharge.get(0).stepTimeMillis()).as("settling adds no step time").isZero();
        assertThat(run.steps().get(1).endReason()).startsWith("0.8 V cut-off reached");
    }

    @Test
    void aConstantResistanceDischargeKeepsVOverIWithin1PercentOfItsSetpoint() throws InterruptedException {
        Rehearsal run = rehearse("Rest for 1 min\nDischarge at 300 Ohm for 30 min", CellMetadata.ofArea(1.0),
                List.of());

        List<RecordedSample> discharge = ofStep(run, 2);
        assertThat(discharge).hasSize(1801).allSatisfy(s ->
                assertThat(-s.measurement().voltage() / s.measurement().current()).isCloseTo(300.0, within(3.0)));
    }

    @Test
    void aCRateUsesTheCellsNominalCapacity() throws InterruptedException {
        Rehearsal run = rehearse("Discharge at C/2 for 10 min",
                CellMetadata.ofArea(1.0).withNominalCapacityAh(0.004), List.of());

        // C/2 of 4 mAh is 2 mA, whatever the simulated cell holds
        assertThat(ofStep(run, 1)).hasSize(601).allSatisfy(s ->
                assertThat(s.measurement().current()).isCloseTo(-0.002, within(10e-6)));
    }

    @Test
    void anEnergyEndEndsTheStepOnceItHasMovedThatEnergy() throws InterruptedException {
        Rehearsal run = rehearse("Discharge at 5 mA until 1 mWh or 2 h", CellMetadata.ofArea(1.0), List.of());

        StepSummary step = run.steps().get(0);
        double joules = step.totals().dischargeEnergyJ();
        // 1 mWh = 3.6 J; one reading at ≈ 1.2 V × 5 mA adds ≈ 6 mJ
        assertThat(joules).isBetween(3.6, 3.6 + 0.007);
        assertThat(step.endReason()).startsWith("1 mWh reached");
    }

    @Test
    void aVoltageHoldResumedAfterAPauseSettlesBeforeItRecordsAgain() throws InterruptedException {
        Rehearsal run = rehearse("Discharge at 5 mA for 10 min\nHold at 1.3 V until 1 mA or 20 min",
                CellMetadata.ofArea(1.0), List.of(new Rehearsal.PlannedPause(T0 + 900_000, 1_800_000)));

        List<RecordedSample> hold = ofStep(run, 2);
        assertThat(run.events).anyMatch(EngineEvent.Paused.class::isInstance);
        assertThat(hold).allSatisfy(s -> assertThat(s.measurement().voltage()).isCloseTo(1.3, within(0.005)));
        assertThat(hold.get(hold.size() - 1).stepTimeMillis()).isLessThanOrEqualTo(1_200_000);
    }

    @Test
    void aHoldNearRestWhereTheCellsResistanceIsManyTimesLargerStaysOnItsSetpoint() throws InterruptedException {
        // At a fraction of a mA the cathode's charge-transfer resistance is several hundred ohms, many
        // times the ~80 Ω the loop learnt from the 5 mA discharge, and the cell relaxes from the discharge
        // on a time scale of seconds that settling readings taken at once cannot see: the hold approaches
        // its setpoint over the first few readings, without overshooting, and stays there.
        Rehearsal run = rehearse("Discharge at 5 mA for 10 min\nHold at 1.47 V for 10 min", CellMetadata.ofArea(1.0),
                List.of());

        List<RecordedSample> hold = ofStep(run, 2);
        assertThat(hold).hasSize(601);
        for (int i = 1; i < 4; i++) {
            assertThat(hold.get(i).measurement().voltage()).isGreaterThan(hold.get(i - 1).measurement().voltage())
                    .isLessThan(1.475);
        }
        assertThat(hold.subList(4, hold.size())).allSatisfy(s ->
                assertThat(s.measurement().voltage()).isCloseTo(1.47, within(0.005)));
        assertThat(hold.get(300).measurement().current()).isBetween(-0.001, -0.00001);
    }

    private static int indexOfFirst(List<RecordedSample> samples, java.util.function.Predicate<RecordedSample> p) {
        for (int i = 0; i < samples.size(); i++) {
            if (p.test(samples.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no sample matches");
    }
}
