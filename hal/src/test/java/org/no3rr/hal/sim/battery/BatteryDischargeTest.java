package org.no3rr.hal.sim.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.Measurement;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.chem.Electrochemistry;

/** Galvanostatic runs through the simulated hardware on a virtual clock, read once a second. */
class BatteryDischargeTest {

    private static final long START = 1_700_000_000_000L;
    private static final double FIVE_MA = 5e-3;
    private static final double CUT_OFF = 0.8;

    private final VirtualClock clock = VirtualClock.atMaxSpeed(START);

    @Test
    void fiveMilliampDischargeReachesTheCutOffAfterAboutAnHourWithNearlyTheFullCapacity() {
        SimulatedChannel<BatteryModel> channel = Simulator.battery("b1", BatteryParameters.defaults(), clock, 7);
        ChannelHardware hw = channel.hardware();
        hw.relay().connect();
        hw.currentSource().setCurrent(-FIVE_MA);

        List<Measurement> samples = runUntilBelow(hw, CUT_OFF, 3 * 3600);
        double hours = (samples.get(samples.size() - 1).epochMillis() - START) / 3.6e6;
        double measuredCoulombs = -trapezoidCoulombs(samples);
        double capacityCoulombs = 5.0 * 3.6;

        // the Zn-stripping limit (200 mA cm⁻² × SOC) collapses the voltage at SOC ≈ 5/200 = 2.5 %
        assertThat(hours).isCloseTo(0.975, within(0.01));
        assertThat(measuredCoulombs / capacityCoulombs).isBetween(0.96, 0.99);
        assertThat(channel.model().dischargedCoulombs()).isCloseTo(measuredCoulombs, within(0.01));
        // plateau voltage a quarter of the way
        assertThat(samples.get(samples.size() / 4).voltage()).isBetween(1.08, 1.14);
    }

    @Test
    void ammoniaMadeDuringDischargeFollowsTheFaradaicEfficiency() {
        SimulatedChannel<BatteryModel> channel = Simulator.battery("b1", BatteryParameters.defaults(), clock, 7);
        ChannelHardware hw = channel.hardware();
        hw.relay().connect();
        hw.currentSource().setCurrent(-FIVE_MA);
        List<Measurement> samples = runFor(hw, 1800);

        BatteryModel truth = channel.model();
        double coulombs = -trapezoidCoulombs(samples);
        double expectedMoles = truth.ammoniaFaradaicEfficiency(5e-3) * coulombs
                / (Electrochemistry.ELECTRONS_AMMONIA * Electrochemistry.FARADAY);

        assertThat(truth.ammoniaMoles()).isCloseTo(expectedMoles, within(expectedMoles * 2e-3));
        assertThat(truth.ammoniaConcentrationMolPerL()).isCloseTo(truth.ammoniaMoles() / 0.040, within(1e-12));
        assertThat(truth.hydrogenMoles()).isPositive();
    }

    @Test
    void capacityFadesFromCycleToCycle() {
        BatteryParameters fading = BatteryParameters.defaults().withOverrides(Map.of("capacity-fade-per-cycle", "0.01"));
        SimulatedChannel<BatteryModel> channel = Simulator.battery("b1", fading, clock, 7);
        ChannelHardware hw = channel.hardware();
        hw.relay().connect();

        List<Double> dischargeCoulombs = new ArrayList<>();
        for (int cycle = 0; cycle < 5; cycle++) {
            hw.currentSource().setCurrent(-FIVE_MA);
            dischargeCoulombs.add(-trapezoidCoulombs(runUntilBelow(hw, CUT_OFF, 3 * 3600)));
            hw.currentSource().setCurrent(FIVE_MA);
            runFor(hw, 3600 + 600); // past full: the surplus evolves oxygen
        }
        hw.toSafeState();

        for (int i = 1; i < dischargeCoulombs.size(); i++) {
            assertThat(dischargeCoulombs.get(i)).as("cycle %d", i).isLessThan(dischargeCoulombs.get(i - 1));
        }
        double retention = dischargeCoulombs.get(4) / dischargeCoulombs.get(0);
        double cyclesBetween = channel.model().equivalentFullCycles() - 1.0; // ≈ 4 full discharges apart
        assertThat(retention).isCloseTo(Math.pow(0.99, 4), within(0.01));
        assertThat(cyclesBetween).isBetween(3.5, 4.5);
    }

    @Test
    void chargingReadsAHigherVoltageThanDischargingAtTheSameCurrent() {
        SimulatedChannel<BatteryModel> channel = Simulator.battery("b1",
                BatteryParameters.defaults().withOverrides(Map.of("initial-state-of-charge", "0.5")), clock, 7);
        ChannelHardware hw = channel.hardware();
        hw.relay().connect();
        hw.currentSource().setCurrent(-FIVE_MA);
        double discharging = runFor(hw, 60).get(59).voltage();
        hw.currentSource().setCurrent(FIVE_MA);
        double charging = runFor(hw, 60).get(59).voltage();

        assertThat(discharging).isBetween(1.05, 1.15);
        assertThat(charging).isBetween(2.05, 2.15);
    }

    private List<Measurement> runUntilBelow(ChannelHardware hw, double cutOff, int maxSeconds) {
        List<Measurement> samples = new ArrayList<>();
        samples.add(hw.measure(clock.millis()));
        for (int s = 0; s < maxSeconds; s++) {
            clock.advanceTo(clock.millis() + 1000);
            Measurement m = hw.measure(clock.millis());
            samples.add(m);
            if (m.voltage() < cutOff) {
                return samples;
            }
        }
        throw new AssertionError("never reached " + cutOff + " V in " + maxSeconds + " s");
    }

    private List<Measurement> runFor(ChannelHardware hw, int seconds) {
        List<Measurement> samples = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            clock.advanceTo(clock.millis() + 1000);
            samples.add(hw.measure(clock.millis()));
        }
        return samples;
    }

    static double trapezoidCoulombs(List<Measurement> samples) {
        double sum = 0;
        for (int i = 1; i < samples.size(); i++) {
            double dt = (samples.get(i).epochMillis() - samples.get(i - 1).epochMillis()) / 1000.0;
            sum += 0.5 * (samples.get(i).current() + samples.get(i - 1).current()) * dt;
        }
        return sum;
    }
}
