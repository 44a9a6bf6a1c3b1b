package org.no3rr.hal.sim.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.sim.Drive;

class BatteryPolarizationTest {

    private static final int GRID = 6000;
    /** The discharge-polarization template's range, well past the nitrate limit of 12 mA cm⁻². */
    private static final double TOP_AMPS_PER_CM2 = 30e-3;

    private final BatteryModel battery = new BatteryModel(BatteryParameters.defaults());

    /**
     * P = V·j on a fine grid from 0 to 30 mA cm⁻², across the nitrate limit into the hydrogen-carried
     * range: strictly up, then strictly down, peak inside, so hydrogen evolution adds no second maximum.
     */
    @Test
    void powerDensityHasExactlyOneInteriorMaximum() {
        double[] power = new double[GRID + 1];
        for (int i = 0; i <= GRID; i++) {
            double j = TOP_AMPS_PER_CM2 * i / GRID;
            power[i] = j * battery.respond(Drive.current(-j * battery.areaCm2())).cellVoltage();
        }
        int peak = 0;
        for (int i = 1; i <= GRID; i++) {
            if (power[i] > power[peak]) {
                peak = i;
            }
        }
        assertThat(peak).isStrictlyBetween(0, GRID);
        for (int i = 1; i <= peak; i++) {
            assertThat(power[i]).as("P rises before the peak at grid point %d", i).isGreaterThan(power[i - 1]);
        }
        for (int i = peak + 1; i <= GRID; i++) {
            assertThat(power[i]).as("P falls after the peak at grid point %d", i).isLessThan(power[i - 1]);
        }
        // defaults: OCV 1.58 V, 30 Ω cm², j0 0.05 mA cm⁻², j_lim 12 mA cm⁻², B 0.05 V, HER j0 0.008 mA cm⁻²
        // 0.2 V below, 120 mV dec⁻¹ → 9.49 mW cm⁻² at 11.57 mA cm⁻² (0.820 V), just below the nitrate limit
        double peakMilliwattsPerCm2 = power[peak] * 1e3;
        double peakMilliampsPerCm2 = TOP_AMPS_PER_CM2 * peak / GRID * 1e3;
        assertThat(peakMilliwattsPerCm2).isCloseTo(9.49, within(0.02));
        assertThat(peakMilliampsPerCm2).isCloseTo(11.57, within(0.05));
        assertThat(peakMilliampsPerCm2).isLessThan(battery.nitrateLimitingCurrentDensity() * 1e3);
    }

    @Test
    void voltageFallsSteeplyAtTheNitrateLimitAndHydrogenEvolutionKeepsItPositiveBeyond() {
        double limitAmps = battery.nitrateLimitingCurrentDensity() * battery.areaCm2();
        double atHalf = battery.terminalVoltage(-0.5 * limitAmps);
        double near = battery.terminalVoltage(-0.999 * limitAmps);
        double beyond = battery.terminalVoltage(-1.2 * limitAmps);

        assertThat(atHalf).isBetween(1.1, 1.2);
        assertThat(near).isBetween(0.7, 0.85);
        assertThat(beyond).as("hydrogen carries the surplus: low but positive").isBetween(0.5, 0.7);
    }

    @Test
    void openCircuitVoltageIsHighestWhenFullAndSteepestAtTheEnds() {
        BatteryModel full = new BatteryModel(BatteryParameters.defaults());
        BatteryModel half = new BatteryModel(withStateOfCharge(0.5));
        BatteryModel nearlyEmpty = new BatteryModel(withStateOfCharge(0.02));

        assertThat(full.openCircuitVoltage()).isCloseTo(1.5794, within(1e-3));
        assertThat(half.openCircuitVoltage()).isCloseTo(1.48, within(1e-9));
        assertThat(nearlyEmpty.openCircuitVoltage()).isBetween(1.38, 1.42);
    }

    @Test
    void chargingVoltageIsAboveDischargeVoltageAtTheSameCurrentDensity() {
        for (double milliamps : new double[] {1, 2, 5, 7}) {
            double charge = battery.terminalVoltage(milliamps * 1e-3);
            double discharge = battery.terminalVoltage(-milliamps * 1e-3);
            assertThat(charge).as("charge at %s mA", milliamps).isGreaterThan(discharge + 0.5);
        }
        assertThat(battery.terminalVoltage(5e-3)).as("full").isBetween(2.15, 2.22);
        assertThat(new BatteryModel(withStateOfCharge(0.5)).terminalVoltage(5e-3)).as("half full").isBetween(2.05, 2.15);
    }

    @Test
    void ammoniaFaradaicEfficiencyIsAbout95PercentAtModerateCurrentAndFallsPastTheNitrateLimit() {
        // 0.95 (the NH3 part of nitrate reduction) × the nitrate-reduction share of the current
        assertThat(battery.ammoniaFaradaicEfficiency(2e-3)).isCloseTo(0.9463, within(1e-4));
        assertThat(battery.ammoniaFaradaicEfficiency(5e-3)).isCloseTo(0.9449, within(1e-4));
        assertThat(battery.ammoniaFaradaicEfficiency(10e-3)).isCloseTo(0.9345, within(1e-4));
        assertThat(battery.ammoniaFaradaicEfficiency(20e-3)).isCloseTo(0.5678, within(1e-4));
        for (double j : new double[] {2e-3, 5e-3, 10e-3, 20e-3}) {
            assertThat(battery.ammoniaFaradaicEfficiency(j))
                    .isCloseTo(0.95 * battery.nitrateReductionShare(j), within(1e-15));
        }
    }

    private static BatteryParameters withStateOfCharge(double soc) {
        return BatteryParameters.defaults().withOverrides(Map.of("initial-state-of-charge", Double.toString(soc)));
    }
}
