package org.no3rr.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.hal.sim.hcell.HCellParameters;

class ParametersTest {

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of(BatteryParameters.TABLE, BatteryParameters.defaults()),
                Arguments.of(HCellParameters.TABLE, HCellParameters.defaults()),
                Arguments.of(SimulatedChannelParameters.TABLE, SimulatedChannelParameters.forBattery()),
                Arguments.of(SimulatedChannelParameters.TABLE, SimulatedChannelParameters.forHCell()));
    }

    @ParameterizedTest
    @MethodSource("tables")
    <P> void defaultsAreValid(ParameterTable<P> table, P defaults) {
        assertThat(table.validate(defaults)).isSameAs(defaults);
    }

    /** Each key sets exactly its own field: catches a constructor array out of order. */
    @ParameterizedTest
    @MethodSource("tables")
    <P> void everyKeySetsItsOwnParameterAndNoOther(ParameterTable<P> table, P defaults) {
        for (ParameterTable.Entry<P> entry : table.entries()) {
            double value = distinctAllowedValue(entry, entry.getter().applyAsDouble(defaults));
            P changed = table.withOverrides(defaults, Map.of(entry.key(), Double.toString(value)));
            for (ParameterTable.Entry<P> other : table.entries()) {
                double expected = other == entry ? value : other.getter().applyAsDouble(defaults);
                assertThat(other.getter().applyAsDouble(changed)).as("%s after setting %s", other.key(), entry.key())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void overridesComeFromConfigurationStrings() {
        BatteryParameters p = BatteryParameters.defaults().withOverrides(Map.of("capacity-mah", " 7.5 ", "area-cm2", "2"));

        assertThat(p.capacityMah()).isEqualTo(7.5);
        assertThat(p.areaCm2()).isEqualTo(2.0);
        assertThat(p.ocvMidVolts()).isEqualTo(BatteryParameters.defaults().ocvMidVolts());
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> BatteryParameters.defaults().withOverrides(Map.of("capacity-ah", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown battery simulation parameter 'capacity-ah'")
                .hasMessageContaining("capacity-mah");
    }

    @Test
    void aValueThatIsNotANumberNamesKeyValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> HCellParameters.defaults().withOverrides(Map.of("ph", "neutral")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("H-cell simulation parameter ph = 'neutral' is not a number; allowed: a number ≥ -1 and ≤ 15 (1)"
                        + " — catholyte pH");
    }

    @Test
    void aValueOutOfRangeNamesKeyValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> BatteryParameters.defaults().withOverrides(Map.of("capacity-mah", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("battery simulation parameter capacity-mah = '-1' is out of range; allowed: a number > 0 (mAh)"
                        + " — active Zn inventory of the fresh cell");
        assertThatThrownBy(() -> SimulatedChannelParameters.forBattery().withOverrides(Map.of("voltage-noise-v", "NaN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voltage-noise-v = 'NaN'");
    }

    @Test
    void recordsBuiltDirectlyAreCheckedWhenAModelIsMade() {
        BatteryParameters d = BatteryParameters.defaults();
        BatteryParameters broken = new BatteryParameters(d.areaCm2(), d.capacityMah(), 1.5, d.ocvMidVolts(),
                d.ocvSlopeVolts(), d.ocvEndSteepnessVolts(), d.resistanceOhmCm2(),
                d.dischargeExchangeCurrentDensityMaCm2(), d.chargeExchangeCurrentDensityMaCm2(), d.transferCoefficient(),
                d.nitrateLimitingCurrentDensityMaCm2(), d.zincLimitingCurrentDensityMaCm2(), d.concentrationLossVolts(),
                d.nitrateMolPerL(), d.catholyteVolumeMl(), d.nitriteChargeFraction(),
                d.hydrogenExchangeCurrentDensityMaCm2(), d.hydrogenEquilibriumOffsetVolts(), d.hydrogenTafelSlopeMvDec(),
                d.zincPlatingEfficiency(), d.capacityFadePerCycle(), d.temperatureCelsius());

        assertThatThrownBy(() -> new BatteryModel(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial-state-of-charge = 1.5 is out of range; allowed: a number ≥ 0 and ≤ 1");
    }

    @Test
    void theStationCanBuildAChannelOfEitherKindFromConfigurationStrings() {
        var clock = VirtualClock.atMaxSpeed(0);
        SimulatedChannel<?> battery = Simulator.channel("b", CellKind.ZN_NITRATE_BATTERY,
                Map.of("capacity-mah", "7.5"), Map.of("max-current-a", "0.02"), clock, 1);
        SimulatedChannel<?> hCell = Simulator.channel("h", CellKind.H_CELL_ELECTROLYSIS,
                Map.of("ph", "14"), Map.of(), clock, 1);

        assertThat(((BatteryModel) battery.model()).capacityCoulombs()).isEqualTo(7.5 * 3.6);
        assertThat(battery.ratings().maxCurrentAmps()).isEqualTo(0.02);
        assertThat(((HCellModel) hCell.model()).toRhe(0.0)).isEqualTo(0.197 + 0.0592 * 14);
        assertThatThrownBy(() -> Simulator.channel("h", CellKind.H_CELL_ELECTROLYSIS,
                Map.of("capacity-mah", "5"), Map.of(), clock, 1))
                .hasMessageContaining("unknown H-cell simulation parameter 'capacity-mah'");
    }

    @Test
    void aSnapshotListsEveryKeyWithItsValue() {
        Map<String, Double> snapshot = HCellParameters.TABLE.asMap(HCellParameters.defaults());

        assertThat(snapshot).hasSize(HCellParameters.TABLE.entries().size()).containsEntry("reference-offset-v", 0.197);
    }

    private static double distinctAllowedValue(ParameterTable.Entry<?> entry, double current) {
        double[] candidates = {
            current * 1.5 + 0.125, current * 0.5, current - 0.25, (entry.min() + Math.min(entry.max(), entry.min() + 4)) / 2,
            entry.max(), entry.minExclusive() ? entry.min() + 1e-3 : entry.min()
        };
        for (double c : candidates) {
            if (c != current && entry.allows(c)) {
                return c;
            }
        }
        throw new AssertionError("no distinct allowed value for " + entry.key());
    }
}
