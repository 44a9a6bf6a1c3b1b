package org.no3rr.hal.sim.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.sim.Drive;
import org.no3rr.hal.sim.chem.Electrochemistry;

/**
 * Past its nitrate mass-transport limit (12 mA cm⁻² with the defaults) the cathode evolves hydrogen:
 * the cell keeps a low positive voltage instead of reversing, and the charge it passes is booked to H2.
 */
class BatteryHydrogenEvolutionTest {

    private static final double FARADAY = Electrochemistry.FARADAY;

    private final BatteryModel fresh = new BatteryModel(BatteryParameters.defaults());

    @Test
    void aFreshCellKeepsALowPositiveVoltageAtTwentyAndThirtyMilliampsPerCm2() {
        // OCV 1.579 − 30 Ω cm² · j − η_cathode (0.560 V at 20, 0.602 V at 30 mA cm⁻²) − a few mV at the Zn anode
        double at20 = fresh.terminalVoltage(-20e-3);
        double at30 = fresh.terminalVoltage(-30e-3);

        assertThat(at20).isCloseTo(0.414, within(0.002)).isPositive().isLessThan(0.8);
        assertThat(at30).isCloseTo(0.069, within(0.002)).isPositive().isLessThan(0.8);
        assertThat(fresh.cathodeOverpotential(20e-3)).isCloseTo(0.560, within(0.002));
        assertThat(fresh.respond(Drive.current(-30e-3)).cellVoltage()).isEqualTo(at30);
    }

    @Test
    void theCathodeCurrentSplitsSoThatBothReactionsSitAtOnePotential() {
        BatteryCathode cathode = new BatteryCathode(Electrochemistry.thermalVoltage(25) / 0.5, 0.05e-3, 0.05,
                0.008e-3, 0.2, 0.120);
        for (double j : new double[] {1e-6, 1e-3, 5e-3, 11.9e-3, 12e-3, 20e-3, 30e-3, 0.5}) {
            double eta = cathode.overpotential(j, 12e-3);
            double nitrate = cathode.nitrateShare(j, 12e-3) * j;
            assertThat(nitrate).as("below the limit at %s", j).isLessThan(12e-3);
            assertThat(cathode.nitrateOverpotential(nitrate, 12e-3)).as("η_N at %s", j).isCloseTo(eta, within(1e-9));
            assertThat(nitrate + cathode.hydrogenCurrentDensity(eta)).as("current balance at %s", j)
                    .isCloseTo(j, within(1e-12 * j));
        }
    }

    @Test
    void ammoniaEfficiencyFallsAsHydrogenTakesOverAndTheSharesAddUpToTheCharge() {
        assertThat(fresh.ammoniaFaradaicEfficiency(20e-3)).isLessThan(fresh.ammoniaFaradaicEfficiency(5e-3) - 0.3);
        assertThat(fresh.hydrogenFaradaicEfficiency(20e-3)).isCloseTo(0.402, within(0.001));

        double hydrogenFe = fresh.hydrogenFaradaicEfficiency(20e-3);
        double ammoniaFe = fresh.ammoniaFaradaicEfficiency(20e-3);
        double seconds = 60;
        fresh.integrate(seconds, Drive.current(-20e-3));

        double coulombs = 20e-3 * seconds;
        double ammoniaCoulombs = fresh.ammoniaMoles() * Electrochemistry.ELECTRONS_AMMONIA * FARADAY;
        double nitriteCoulombs = fresh.catholyte().nitriteMoles() * Electrochemistry.ELECTRONS_NITRITE * FARADAY;
        double hydrogenCoulombs = fresh.hydrogenMoles() * Electrochemistry.ELECTRONS_HYDROGEN * FARADAY;
        assertThat(fresh.dischargedCoulombs()).isCloseTo(coulombs, within(1e-12));
        assertThat(ammoniaCoulombs).isCloseTo(ammoniaFe * coulombs, within(1e-12));
        assertThat(hydrogenCoulombs).isCloseTo(hydrogenFe * coulombs, within(1e-12));
        assertThat(nitriteCoulombs).isCloseTo(0.05 * (1 - hydrogenFe) * coulombs, within(1e-12));
        assertThat(ammoniaCoulombs + nitriteCoulombs + hydrogenCoulombs).isCloseTo(coulombs, within(1e-12));
    }

    @Test
    void withTheNitrateUsedUpEveryCoulombEvolvesHydrogen() {
        BatteryModel noNitrate = new BatteryModel(BatteryParameters.defaults()
                .withOverrides(Map.of("nitrate-concentration-mol-l", "0")));

        assertThat(noNitrate.nitrateReductionShare(5e-3)).isZero();
        // η = 0.2 V + 0.12 V · log10(5 / 0.008)
        assertThat(noNitrate.cathodeOverpotential(5e-3)).isCloseTo(0.2 + 0.12 * Math.log10(5 / 0.008), within(1e-12));
        noNitrate.integrate(100, Drive.current(-5e-3));
        assertThat(noNitrate.hydrogenMoles()).isCloseTo(0.5 / (2 * FARADAY), within(1e-15));
        assertThat(noNitrate.ammoniaMoles()).isZero();
    }
}
