package org.no3rr.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.hal.sim.hcell.HCellParameters;

/** The simulated cell takes what the run declares about its cell: pH, reference, area, volume, masses, capacity. */
class RunCellSetupTest {

    private static final long START = 1_700_000_000_000L;
    private static final double AG_AGCL = 0.197;
    /** Nernst slope as the station's protocol converts potentials vs RHE. */
    private static final double PER_PH = 0.0592;

    private final VirtualClock clock = VirtualClock.atMaxSpeed(START);

    private static SimulatedCellSetup cell(double area, double catalystMg, double znG, double volumeMl, double ph,
                                           double nominalMah) {
        return new SimulatedCellSetup(area, catalystMg, znG, volumeMl, ph, AG_AGCL, nominalMah);
    }

    /** What the engine commands for a hold at {@code voltsVsRhe}: E vs Ag/AgCl = E_RHE − 0.197 − 0.0592·pH. */
    private double holdCurrentAfterAMinute(SimulatedChannel<HCellModel> channel, double voltsVsRhe, double ph)
            throws InterruptedException {
        ChannelHardware hw = channel.hardware();
        hw.relay().connect();
        hw.potentialControl().orElseThrow().hold(voltsVsRhe - AG_AGCL - PER_PH * ph);
        clock.waitUntil(clock.millis() + 60_000);
        return hw.measure(clock.millis()).current();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 7, 13})
    void aHoldAtMinus0point1VoltsVsRhePassesTheSameCurrentDensityWhateverPhTheRunDeclares(double ph)
            throws InterruptedException {
        SimulatedChannel<HCellModel> channel = Simulator.hCell("ch3", HCellParameters.defaults(), clock, 3);
        channel.configureCell(cell(1.0, Double.NaN, Double.NaN, Double.NaN, ph, Double.NaN));

        double amps = holdCurrentAfterAMinute(channel, -0.1, ph);

        // −78.6 mA cm⁻² at −0.1 V vs RHE (docs/simulator.md), within 2 % at every pH
        assertThat(amps).isCloseTo(-78.6e-3, within(0.02 * 78.6e-3));
        assertThat(channel.model().toRhe(channel.effectiveDrive().value())).isCloseTo(-0.1, within(1e-12));
    }

    @Test
    void aCellThatIgnoredTheDeclaredPhPassedNothingAtTheSameHold() throws InterruptedException {
        SimulatedChannel<HCellModel> channel = Simulator.hCell("ch3", HCellParameters.defaults(), clock, 3);

        // the bug this fixes: −0.356 V vs Ag/AgCl is +0.255 V vs RHE on a pH-7 cell, far above the onset
        double amps = holdCurrentAfterAMinute(channel, -0.1, 1);

        assertThat(amps).isCloseTo(0.0, within(0.05e-3));
    }

    @Test
    void theCurrentScalesWithTheDeclaredAreaAtTheSameCurrentDensity() throws InterruptedException {
        SimulatedChannel<HCellModel> channel = Simulator.hCell("ch3", HCellParameters.defaults(), clock, 3);
        channel.configureCell(cell(2.0, Double.NaN, Double.NaN, Double.NaN, 7, Double.NaN));

        assertThat(holdCurrentAfterAMinute(channel, -0.1, 7)).isCloseTo(2 * -78.6e-3, within(0.02 * 2 * 78.6e-3));
        assertThat(channel.model().parameters().catalystMassMg()).as("same loading, 2 mg cm⁻²").isEqualTo(4.0);
        assertThat(channel.model().parameters().uncompensatedResistanceOhm()).as("same 0.3 Ω cm²").isEqualTo(0.15);
    }

    @Test
    void twiceTheCatalystLoadingDoublesTheKineticNitrateCurrentAtTheOnset() {
        HCellParameters noIrDrop = HCellParameters.defaults().withOverrides(Map.of("uncompensated-resistance-ohm", "0"));
        HCellModel configured = new HCellModel(noIrDrop);
        HCellModel loaded = new HCellModel(noIrDrop.forCell(cell(1.0, 4.0, Double.NaN, Double.NaN, 7, Double.NaN)));
        double onsetVsAgAgCl = 0.05 - AG_AGCL - PER_PH * 7;

        // at +0.05 V vs RHE: NO3RR j_k·130/(j_k + 130) mA cm⁻² with j_k = 1 (2 mg) or 2 (4 mg), plus HER 0.008·10^(−0.05/0.12)
        double her = 0.008 * Math.pow(10, -0.05 / 0.12);
        assertThat(-configured.respond(Drive.potential(onsetVsAgAgCl)).current() * 1e3)
                .isCloseTo(130.0 / 131 + her, within(1e-6));
        assertThat(-loaded.respond(Drive.potential(onsetVsAgAgCl)).current() * 1e3)
                .isCloseTo(2 * 130.0 / 132 + her, within(1e-6));
    }

    @Test
    void theCatholyteHoldsTheDeclaredVolumeOfFreshNitrate() {
        SimulatedChannel<HCellModel> hCell = Simulator.hCell("ch3", HCellParameters.defaults(), clock, 3);
        hCell.configureCell(cell(1.0, Double.NaN, Double.NaN, 20, 7, Double.NaN));
        SimulatedChannel<BatteryModel> battery = Simulator.battery("ch1", BatteryParameters.defaults(), clock, 1);
        battery.configureCell(cell(1.0, Double.NaN, Double.NaN, 10, Double.NaN, Double.NaN));

        // 0.1 M nitrate in 20 mL; 1 M in 10 mL
        assertThat(hCell.model().catholyte().nitrateMoles()).isCloseTo(2.0e-3, within(1e-15));
        assertThat(battery.model().catholyte().nitrateMoles()).isCloseTo(1.0e-2, within(1e-15));
    }

    @Test
    void theBatteryTakesTheNominalCapacityButNeverMoreThanItsZincHolds() {
        BatteryParameters configured = BatteryParameters.defaults();

        assertThat(configured.forCell(cell(1.0, Double.NaN, 0.05, Double.NaN, Double.NaN, 8.0)).capacityMah())
                .as("8 mAh declared, 0.05 g of Zn could hold 41 mAh").isEqualTo(8.0);
        // 0.002 g × 2F/M(Zn) = 0.002 × 2·96485.332/65.38 C = 5.90305 C = 1.63974 mAh
        assertThat(configured.forCell(cell(1.0, Double.NaN, 0.002, Double.NaN, Double.NaN, 8.0)).capacityMah())
                .isCloseTo(1.63974, within(1e-5));
        assertThat(configured.forCell(cell(1.0, Double.NaN, 0.05, Double.NaN, Double.NaN, Double.NaN)).capacityMah())
                .as("nothing declared: the configured 5 mAh").isEqualTo(5.0);
    }

    @Test
    void aBatteryTwiceAsLargeDischargedAtTheSameCurrentDensityFollowsTheSameVoltageCurve() throws InterruptedException {
        SimulatedChannel<BatteryModel> small = Simulator.battery("ch1", BatteryParameters.defaults(), clock, 1);
        SimulatedChannel<BatteryModel> large = Simulator.battery("ch2", BatteryParameters.defaults(), clock, 1);
        large.configureCell(cell(2.0, Double.NaN, Double.NaN, 80, Double.NaN, 10.0));
        for (SimulatedChannel<BatteryModel> ch : List.of(small, large)) {
            ch.hardware().relay().connect();
        }
        small.hardware().currentSource().setCurrent(-5e-3);
        large.hardware().currentSource().setCurrent(-10e-3);

        for (int minute = 10; minute <= 50; minute += 20) {
            clock.waitUntil(START + minute * 60_000L);
            assertThat(large.trueResponse().cellVoltage()).as("minute %d", minute)
                    .isCloseTo(small.trueResponse().cellVoltage(), within(1e-9));
        }
        assertThat(large.model().stateOfCharge()).isCloseTo(small.model().stateOfCharge(), within(1e-12));
    }

    @Test
    void aRunThatChangesNothingContinuesTheMountedCellAndOneThatDoesGetsAFreshCell() throws InterruptedException {
        SimulatedChannel<BatteryModel> channel = Simulator.battery("ch1", BatteryParameters.defaults(), clock, 1);
        channel.hardware().relay().connect();
        channel.hardware().currentSource().setCurrent(-5e-3);
        clock.waitUntil(START + 1_800_000); // half an hour at 5 mA: 9 C of 18 C
        channel.hardware().toSafeState();

        // 0.05 g of Zn and no nominal capacity leave every parameter as configured
        assertThat(channel.configureCell(cell(1.0, Double.NaN, 0.05, Double.NaN, Double.NaN, Double.NaN))).isFalse();
        // 9 C left of a capacity faded by half an equivalent cycle at 0.05 % per cycle
        assertThat(channel.model().stateOfCharge()).isCloseTo(9.0 / (18.0 * Math.sqrt(1 - 5e-4)), within(1e-9));

        assertThat(channel.configureCell(cell(1.0, Double.NaN, 0.05, Double.NaN, Double.NaN, 8.0))).isTrue();
        assertThat(channel.model().stateOfCharge()).isEqualTo(1.0);
        assertThat(channel.model().capacityCoulombs()).isCloseTo(28.8, within(1e-12));

        // undeclared values are the configured ones again, not the previous run's
        assertThat(channel.configureCell(SimulatedCellSetup.NONE)).isTrue();
        assertThat(channel.model().parameters()).isEqualTo(BatteryParameters.defaults());
    }

    @Test
    void aFreshCellOfTheSameMakeReplacesAWornOneAndTheNextRunOfThatMakeKeepsIt() throws InterruptedException {
        SimulatedChannel<BatteryModel> channel = Simulator.battery("ch1", BatteryParameters.defaults(), clock, 1);
        SimulatedCellSetup run = cell(2.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        assertThat(channel.configureCell(run)).isTrue();
        channel.hardware().relay().connect();
        channel.hardware().currentSource().setCurrent(-5e-3);
        clock.waitUntil(START + 1_800_000); // half an hour at 5 mA: 9 C of 18 C
        channel.hardware().toSafeState();
        assertThat(channel.model().stateOfCharge()).isLessThan(0.51);

        channel.mountFreshCell();

        SimulatedChannel<BatteryModel> unused = Simulator.battery("ch2", BatteryParameters.defaults(), clock, 1);
        unused.configureCell(run);
        assertThat(channel.model().stateOfCharge()).isEqualTo(1.0);
        assertThat(channel.model().state()).isEqualTo(unused.model().state());
        assertThat(channel.snapshot().setup()).as("the same make: the run's area").isEqualTo(run);
        assertThat(channel.snapshot().simulatedMillis()).isEqualTo(START + 1_800_000);
        assertThat(channel.configureCell(run)).as("a run on it goes on with it").isFalse();
        assertThat(channel.model().stateOfCharge()).isEqualTo(1.0);
    }

    @Test
    void everyPhAndReferenceTheRunMetadataAllowsIsAccepted() {
        HCellParameters configured = HCellParameters.defaults();
        for (double ph : new double[] {-1, 15}) {
            for (double offset : new double[] {-2, 2}) {
                HCellParameters p = configured.forCell(new SimulatedCellSetup(1, Double.NaN, Double.NaN, Double.NaN, ph,
                        offset, Double.NaN));
                assertThat(p.ph()).isEqualTo(ph);
                assertThat(p.referenceOffsetVolts()).isEqualTo(offset);
            }
        }
    }

    @Test
    void aSetupWithAnImpossibleValueIsRefusedNamingIt() {
        assertThatThrownBy(() -> new SimulatedCellSetup(-1, Double.NaN, Double.NaN, Double.NaN, 7, AG_AGCL, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("areaCm2 must be a positive number or absent (NaN), was -1.0");
        assertThatThrownBy(() -> new SimulatedCellSetup(1, Double.NaN, Double.NaN, Double.NaN, 7, AG_AGCL, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nominalCapacityMah must be a positive number or absent (NaN), was 0.0");
    }
}
