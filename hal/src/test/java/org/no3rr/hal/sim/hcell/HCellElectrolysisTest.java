package org.no3rr.hal.sim.hcell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.Measurement;
import org.no3rr.hal.PotentialControl;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.Drive;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.chem.Electrochemistry;

/** Chronoamperometry through the simulated potentiostat on a virtual clock, read once a second. */
class HCellElectrolysisTest {

    private static final long START = 1_700_000_000_000L;
    /** Ag/AgCl (sat. KCl) at pH 7: E_RHE − E_ref = 0.197 + 0.0592·7 = 0.6114 V. */
    private static final double RHE_MINUS_REFERENCE = 0.6114;
    private static final double EIGHT_F = Electrochemistry.ELECTRONS_AMMONIA * Electrochemistry.FARADAY;

    private final VirtualClock clock = VirtualClock.atMaxSpeed(START);
    private final SimulatedChannel<HCellModel> channel = Simulator.hCell("h1", HCellParameters.defaults(), clock, 11);
    private final ChannelHardware hw = channel.hardware();
    private final PotentialControl potentiostat = hw.potentialControl().orElseThrow();

    @Test
    void ammoniaFaradaicEfficiencyIsNearlyCompleteAtMinus0point1AndLowerAtMinus0point5VoltsVsRhe() {
        double atMinus01 = faradaicEfficiencyOfOneHold(-0.1, 600);
        channel.model().refreshElectrolyte();
        double atMinus05 = faradaicEfficiencyOfOneHold(-0.5, 600);

        assertThat(atMinus01).isBetween(0.95, 1.0).isCloseTo(0.985, within(0.003));
        assertThat(atMinus05).isLessThanOrEqualTo(0.8).isCloseTo(0.74, within(0.02));
    }

    @Test
    void yieldAtMinus0point1VoltsVsRheIsAboutThreeMilligramsPerHourPerMilligramCatalyst() {
        holdVsRhe(-0.1);
        runFor(3600);
        double milligramsNh3 = channel.model().ammoniaMoles() * Electrochemistry.AMMONIA_MOLAR_MASS * 1e3;

        double yield = milligramsNh3 / 1.0 / 2.0; // per hour, per 2 mg of catalyst
        // seed 000 Table S6, RuFe-NC: 3.08 mg h⁻¹ mg_cat⁻¹; nitrate depletion lowers the hour's mean a little
        assertThat(yield).isCloseTo(3.0, within(0.15));
    }

    @Test
    void currentIsTinyAboveTheOnsetAndAboutOneMilliampAtIt() {
        holdVsRhe(0.15);
        double above = runFor(5).get(4).current();
        holdVsRhe(0.05);
        double atOnset = runFor(5).get(4).current();
        holdVsRhe(-0.1);
        double below = runFor(5).get(4).current();

        assertThat(Math.abs(above)).isLessThan(50e-6);
        assertThat(atOnset).isCloseTo(-1.0e-3, within(0.05e-3));
        assertThat(below).isCloseTo(-78.6e-3, within(1e-3));
    }

    @Test
    void ammoniaInTheCatholyteIsTheIntegralOfEfficiencyTimesCurrent() {
        holdVsRhe(-0.2);
        double fe = channel.model().ammoniaFaradaicEfficiencyAt(-0.2 - RHE_MINUS_REFERENCE);
        List<Measurement> samples = runFor(1800);

        double expectedMoles = fe * -trapezoidCoulombs(samples) / EIGHT_F;
        assertThat(channel.model().ammoniaMoles()).isCloseTo(expectedMoles, within(expectedMoles * 2e-3));
        assertThat(channel.model().ammoniaConcentrationMolPerL())
                .isCloseTo(channel.model().ammoniaMoles() / 0.040, within(1e-12));
        assertThat(channel.model().catholyte().nitriteMoles()).isPositive();
        assertThat(channel.model().catholyte().nitrateMoles()
                + channel.model().ammoniaMoles() + channel.model().catholyte().nitriteMoles())
                .as("nitrogen balance").isCloseTo(0.1 * 0.040, within(1e-12));
    }

    @Test
    void currentFallsSlowlyAsNitrateIsUsedUpAndRecoversWhenTheElectrolyteIsRefreshed() {
        holdVsRhe(-0.1);
        double first = runFor(5).get(4).current();
        runFor(3600);
        double afterAnHour = runFor(1).get(0).current();
        channel.model().refreshElectrolyte();
        assertThat(channel.model().catholyte().nitrateConcentrationMolPerL()).isCloseTo(0.1, within(1e-12));
        assertThat(channel.model().ammoniaMoles()).isZero();
        double refreshed = runFor(1).get(0).current();

        assertThat(afterAnHour / first).isBetween(0.90, 0.97);
        assertThat(refreshed / first).as("catalyst wear survives a refresh").isBetween(0.995, 0.9999);
    }

    @Test
    void tenRecyclingCyclesLeaveTheCurrentNearlyUnchanged() {
        holdVsRhe(-0.1);
        double first = runFor(5).get(4).current();
        for (int cycle = 0; cycle < 10; cycle++) {
            runFor(3600);
            hw.toSafeState();
            channel.model().refreshElectrolyte();
            holdVsRhe(-0.1);
        }
        double eleventh = runFor(5).get(4).current();

        assertThat(channel.model().activity()).isCloseTo(Math.pow(0.995, 10), within(1e-3));
        assertThat(eleventh / first).isBetween(0.96, 0.995);
    }

    @Test
    void galvanostaticAndPotentiostaticDrivesAgree() {
        hw.relay().connect();
        hw.currentSource().setCurrent(-0.05);
        runFor(3);
        double potential = channel.trueResponse().workingElectrodePotential();
        hw.currentSource().setCurrent(0.0);
        potentiostat.hold(potential);
        double current = runFor(1).get(0).current();

        assertThat(potential + RHE_MINUS_REFERENCE).as("E vs RHE").isBetween(-0.1, 0.0);
        assertThat(current).isCloseTo(-0.05, within(0.2e-3));
    }

    @Test
    void openCircuitReadsTheRestPotentialAndNoCurrent() {
        Measurement m = runFor(1).get(0);

        assertThat(m.workingElectrodePotential() + RHE_MINUS_REFERENCE).isCloseTo(0.6, within(1e-3));
        assertThat(m.current()).isCloseTo(0.0, within(50e-6));
        assertThat(m.voltage()).as("WE rest minus Pt rest").isCloseTo(0.6 - 0.9, within(2e-3));
    }

    @Test
    void thePotentiostatGoesIntoCurrentComplianceInsteadOfExceedingItsRating() {
        potentiostat.hold(-1.6);
        hw.relay().connect();
        Measurement m = runFor(1).get(0);

        assertThat(m.current()).isCloseTo(-0.5, within(1e-4));
        assertThat(m.workingElectrodePotential()).as("did not reach the set potential").isGreaterThan(-1.6);
        assertThat(channel.effectiveDrive().mode()).isEqualTo(Drive.Mode.CURRENT);
    }

    @Test
    void cellVoltageIsNegativeAndLargerThanTheWorkingElectrodePotentialUnderCathodicCurrent() {
        holdVsRhe(-0.5);
        Measurement m = runFor(1).get(0);

        // WE −1.11 V vs ref; Pt evolving O2 ≈ +1.0 V vs ref; 0.17 A × 12 Ω ≈ 2.1 V
        assertThat(m.voltage()).isBetween(-4.5, -3.8);
    }

    @Test
    void absorbanceFollowsTheCalibrationLineAndTheDilution() {
        holdVsRhe(-0.1);
        runFor(600);
        HCellModel truth = channel.model();
        double c = truth.ammoniaConcentrationMolPerL();

        // 10 min at ≈ 78 mA: ≈ 60 µmol NH3 in 40 mL ≈ 1.5 mM; 0.05 mL in 5 mL → 15 µM in the cuvette
        assertThat(c).isBetween(1.4e-3, 1.6e-3);
        assertThat(truth.absorbanceFor(10_000.0, 0.02, 100.0)).isCloseTo(10_000.0 * c / 100.0 + 0.02, within(1e-12));
    }

    private double faradaicEfficiencyOfOneHold(double voltsVsRhe, int seconds) {
        double before = channel.model().ammoniaMoles();
        holdVsRhe(voltsVsRhe);
        List<Measurement> samples = runFor(seconds);
        hw.toSafeState();
        double coulombs = -trapezoidCoulombs(samples);
        return (channel.model().ammoniaMoles() - before) * EIGHT_F / coulombs;
    }

    private void holdVsRhe(double voltsVsRhe) {
        potentiostat.hold(voltsVsRhe - RHE_MINUS_REFERENCE);
        hw.relay().connect();
    }

    private List<Measurement> runFor(int seconds) {
        List<Measurement> samples = new ArrayList<>();
        samples.add(hw.measure(clock.millis()));
        for (int s = 0; s < seconds; s++) {
            clock.advanceTo(clock.millis() + 1000);
            samples.add(hw.measure(clock.millis()));
        }
        return samples.subList(1, samples.size());
    }

    private static double trapezoidCoulombs(List<Measurement> samples) {
        double sum = 0;
        for (int i = 1; i < samples.size(); i++) {
            double dt = (samples.get(i).epochMillis() - samples.get(i - 1).epochMillis()) / 1000.0;
            sum += 0.5 * (samples.get(i).current() + samples.get(i - 1).current()) * dt;
        }
        return sum;
    }
}
