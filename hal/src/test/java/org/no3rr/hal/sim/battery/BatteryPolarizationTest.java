package org.no3rr.hal.sim.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.sim.Drive;

class BatteryPolarizationTest {

    private static final int GRID = 4000;

    private final BatteryModel battery = new BatteryModel(BatteryParameters.defaults());

    /** P = V·j on a fine grid from 0 to j_lim: strictly up, then strictly down, peak inside. */
    @Test
    void powerDensityHasExactlyOneInteriorMaximum() {
        double limit = battery.nitrateLimitingCurrentDensity();
        double[] power = new double[GRID + 1];
        for (int i = 0; i <= GRID; i++) {
            double j = limit * i / GRID;
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
        // defaults: OCV 1.58 V, 30 Ω cm², j0 0.05 mA cm⁻², j_lim 12 mA cm⁻², B 0.05 V → 9.30 mW cm⁻² at 10.9 mA cm⁻²
        double peakMilliwattsPerCm2 = power[peak] * 1e3;
        double peakMilliampsPerCm2 = limit * peak / GRID * 1e3;
        assertThat(peakMilliwattsPerCm2).isCloseTo(9.30, within(0.05));
        assertThat(peakMilliampsPerCm2).isCloseTo(10.86, within(0.05));
    }

    @Test
    void voltageCollapsesAsCurrentApproachesTheLimit() {
        double limitAmps = battery.nitrateLimitingCurrentDensity() * battery.areaCm2();
        double atHalf = battery.terminalVoltage(-0.5 * limitAmps);
        double near = battery.terminalVoltage(-0.999 * limitAmps);
        double beyond = battery.terminalVoltage(-1.2 * limitAmps);

        assertThat(atHalf).isBetween(1.1, 1.2);
        assertThat(near).isLessThan(0.6);
        assertThat(beyond).as("reversed, but finite").isNegative().isGreaterThan(-3.0);
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
    void ammoniaFaradaicEfficiencyIsAbout90PercentAtModerateCurrentAndFallsAtHighCurrent() {
        assertThat(battery.ammoniaFaradaicEfficiency(2e-3)).isCloseTo(0.92 / (1 + Math.pow(2.0 / 12, 4)), within(1e-9));
        assertThat(battery.ammoniaFaradaicEfficiency(5e-3)).isCloseTo(0.8931, within(1e-4));
        assertThat(battery.ammoniaFaradaicEfficiency(10e-3)).isLessThan(0.65);
    }

    private static BatteryParameters withStateOfCharge(double soc) {
        return BatteryParameters.defaults().withOverrides(Map.of("initial-state-of-charge", Double.toString(soc)));
    }
}
