package org.no3rr.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellParameters;

class AdcRealismTest {

    private static final long START = 1_700_000_000_000L;
    private static final int READS = 4000;

    @Test
    void everyReadingIsAWholeNumberOfLeastSignificantBits() {
        ChannelHardware battery = dischargingBattery(1).hardware();
        ChannelHardware hCell = Simulator.hCell("h", HCellParameters.defaults(), VirtualClock.atMaxSpeed(START), 1)
                .hardware();
        hCell.relay().connect();
        hCell.potentialControl().orElseThrow().hold(-0.7);

        for (int i = 0; i < 200; i++) {
            var b = battery.measure(START);
            var h = hCell.measure(START);
            assertWholeLsbs(b.voltage(), 125e-6);
            assertWholeLsbs(b.current(), 1.5625e-6);
            assertWholeLsbs(b.temperature(), 0.0078125);
            assertWholeLsbs(h.voltage(), 312.5e-6);
            assertWholeLsbs(h.current(), 15.625e-6);
            assertWholeLsbs(h.workingElectrodePotential(), 125e-6);
        }
    }

    @Test
    void theSameSeedGivesTheSameReadingsAndAnotherSeedDoesNot() {
        double[] first = voltages(dischargingBattery(42));
        double[] again = voltages(dischargingBattery(42));
        double[] other = voltages(dischargingBattery(43));

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void noiseHasTheConfiguredSpreadAroundTheTrueValue() {
        SimulatedChannel<?> channel = dischargingBattery(5);
        double truth = channel.trueResponse().cellVoltage();
        double[] v = voltages(channel);
        double mean = Arrays.stream(v).average().orElseThrow();
        double sigma = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));

        // 0.3 mV Gaussian plus the 125 µV LSB's uniform rounding (LSB²/12)
        assertThat(sigma).isCloseTo(Math.sqrt(0.3e-3 * 0.3e-3 + 125e-6 * 125e-6 / 12), within(0.02e-3));
        assertThat(mean).isCloseTo(truth, within(0.03e-3));
    }

    @Test
    void readingsSaturateAtTheEndsOfTheAdcRange() {
        SimulatedChannelParameters narrow = SimulatedChannelParameters.forBattery().withOverrides(
                java.util.Map.of("voltage-full-scale-v", "1.024", "voltage-lsb-v", "31.25e-6", "voltage-noise-v", "0"));
        ChannelHardware hw = Simulator.battery("b", BatteryParameters.defaults(), narrow,
                VirtualClock.atMaxSpeed(START), 1).hardware();

        assertThat(hw.measure(START).voltage()).as("0x7FFF").isEqualTo(1.024 - 31.25e-6);
    }

    @Test
    void inputsAreNamedForErrorMessagesAndCarryTheirUnits() {
        ChannelHardware hw = Simulator.hCell("h", HCellParameters.defaults(), VirtualClock.atMaxSpeed(START), 1)
                .hardware();
        assertThat(hw.potentialControl()).isPresent();
        assertThat(SimulatedInput.TEMPERATURE.displayName()).isEqualTo("cell temperature");
        assertThat(SimulatedInput.TEMPERATURE.unit()).isEqualTo("°C");
        assertThat(hw.measure(START).temperature()).isCloseTo(25.0, within(0.1));
    }

    private static SimulatedChannel<?> dischargingBattery(long seed) {
        SimulatedChannel<?> channel = Simulator.battery("b", BatteryParameters.defaults(),
                VirtualClock.atMaxSpeed(START), seed);
        channel.hardware().relay().connect();
        channel.hardware().currentSource().setCurrent(-2e-3);
        return channel;
    }

    private static double[] voltages(SimulatedChannel<?> channel) {
        double[] v = new double[READS];
        for (int i = 0; i < READS; i++) {
            v[i] = channel.hardware().measure(START).voltage();
        }
        return v;
    }

    private static void assertWholeLsbs(double value, double lsb) {
        double codes = value / lsb;
        assertThat(codes).as("%s in LSBs of %s", value, lsb).isCloseTo(Math.rint(codes), within(1e-6));
    }
}
