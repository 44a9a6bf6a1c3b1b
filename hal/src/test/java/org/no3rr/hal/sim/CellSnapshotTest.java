package org.no3rr.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.hal.sim.hcell.HCellParameters;

/** A simulated cell kept across a restart continues where it was. */
class CellSnapshotTest {

    private static final long START = 1_700_000_000_000L;
    private static final SimulatedCellSetup SMALL_CELL = new SimulatedCellSetup(1.0, Double.NaN, 0.05, 30.0,
            Double.NaN, 0.197, 4.0);

    private final VirtualClock clock = VirtualClock.atMaxSpeed(START);

    @Test
    void aBatteryRestoredOnANewChannelContinuesItsDischargeWithoutAJump() throws InterruptedException {
        SimulatedChannel<BatteryModel> before = Simulator.battery("ch1", BatteryParameters.defaults(), clock, 1);
        before.configureCell(SMALL_CELL);
        before.hardware().relay().connect();
        before.hardware().currentSource().setCurrent(-5e-3);
        clock.waitUntil(START + 1_800_000); // 9 C of 14.4 C discharged
        String kept = before.snapshot().encode();
        double socBefore = before.model().stateOfCharge();

        // the station restarts: a new clock at the wall time, a new channel, the snapshot read back
        VirtualClock restarted = VirtualClock.atMaxSpeed(START - 3_600_000);
        SimulatedChannel<BatteryModel> after = Simulator.battery("ch1", BatteryParameters.defaults(), restarted, 1);
        after.restore(CellSnapshot.decode(kept));

        assertThat(restarted.millis()).as("the clock never runs behind the cell").isEqualTo(START + 1_800_000);
        assertThat(after.model().stateOfCharge()).isEqualTo(socBefore);
        assertThat(after.model().parameters().capacityMah()).isEqualTo(4.0);
        assertThat(after.model().state()).isEqualTo(before.model().state());
        after.hardware().relay().connect();
        after.hardware().currentSource().setCurrent(-5e-3);
        restarted.waitUntil(START + 1_801_000);
        clock.waitUntil(START + 1_801_000);
        // same seed, same reads: the next reading is within the 0.3 mV noise of the uninterrupted cell's
        assertThat(after.hardware().measure(restarted.millis()).voltage())
                .isCloseTo(before.hardware().measure(clock.millis()).voltage(), within(4 * 0.3e-3));
        assertThat(after.trueResponse().cellVoltage()).isCloseTo(before.trueResponse().cellVoltage(), within(1e-12));
    }

    @Test
    void anHCellKeepsItsProductsChargeAndWear() throws InterruptedException {
        SimulatedChannel<HCellModel> before = Simulator.hCell("ch3", HCellParameters.defaults(), clock, 3);
        before.hardware().relay().connect();
        before.hardware().potentialControl().orElseThrow().hold(-0.1 - 0.6114);
        clock.waitUntil(START + 3_600_000);
        before.hardware().toSafeState();

        SimulatedChannel<HCellModel> after = Simulator.hCell("ch3", HCellParameters.defaults(), clock, 3);
        after.restore(CellSnapshot.decode(before.snapshot().encode()));

        assertThat(after.model().ammoniaMoles()).isEqualTo(before.model().ammoniaMoles()).isPositive();
        assertThat(after.model().cathodicCoulombs()).isEqualTo(before.model().cathodicCoulombs());
        assertThat(after.model().activity()).isEqualTo(before.model().activity()).isLessThan(1.0);
        assertThat(after.model().catholyte().nitrateMoles()).isEqualTo(before.model().catholyte().nitrateMoles());
    }

    @Test
    void theTextIsVersionedAndRoundTripsExactly() {
        CellSnapshot snapshot = new CellSnapshot(CellKind.ZN_NITRATE_BATTERY, START, SMALL_CELL,
                Map.of("zinc-coulombs", 0.1 + 0.2, "hydrogen-mol", 1e-9));

        String text = snapshot.encode();

        assertThat(text).isEqualTo("""
                format=1
                kind=ZN_NITRATE_BATTERY
                simulated-ms=1700000000000
                setup.area-cm2=1.0
                setup.zn-mass-g=0.05
                setup.catholyte-volume-ml=30.0
                setup.reference-offset-v=0.197
                setup.nominal-capacity-mah=4.0
                state.hydrogen-mol=1.0E-9
                state.zinc-coulombs=0.30000000000000004
                """);
        assertThat(CellSnapshot.decode(text)).isEqualTo(snapshot);
    }

    @Test
    void anotherFormatAnUnknownEntryOrAnotherKindOfCellIsRefused() {
        assertThatThrownBy(() -> CellSnapshot.decode("format=2\nkind=H_CELL_ELECTROLYSIS\nsimulated-ms=0\n"))
                .hasMessage("cell snapshot format is 2; this station reads format 1");
        assertThatThrownBy(() -> CellSnapshot.decode("format=1\nkind=H_CELL_ELECTROLYSIS\nsimulated-ms=0\nsoc=1\n"))
                .hasMessage("cell snapshot has an unknown entry 'soc'");
        SimulatedChannel<BatteryModel> battery = Simulator.battery("ch1", BatteryParameters.defaults(), clock, 1);
        CellSnapshot hCell = Simulator.hCell("ch3", HCellParameters.defaults(), clock, 3).snapshot();
        assertThatThrownBy(() -> battery.restore(hCell))
                .hasMessage("channel ch1 simulates a ZN_NITRATE_BATTERY but the snapshot is of a H_CELL_ELECTROLYSIS");
    }

    @Test
    void aStateThatDoesNotFitTheCellIsRefusedAndTheCellStaysAsItWas() {
        SimulatedChannel<BatteryModel> battery = Simulator.battery("ch1", BatteryParameters.defaults(), clock, 1);
        Map<String, Double> state = new LinkedHashMap<>(battery.snapshot().state());
        state.put("zinc-coulombs", 20.0); // a 5 mAh cell holds 18 C

        assertThatThrownBy(() -> battery.restore(new CellSnapshot(CellKind.ZN_NITRATE_BATTERY, START,
                SimulatedCellSetup.NONE, state)))
                .hasMessageStartingWith("battery state zinc-coulombs = 20.0 exceeds the capacity of 18.0 C");
        state.remove("zinc-coulombs");
        assertThatThrownBy(() -> battery.restore(new CellSnapshot(CellKind.ZN_NITRATE_BATTERY, START,
                SimulatedCellSetup.NONE, state)))
                .hasMessageStartingWith("battery state lacks zinc-coulombs");
        assertThat(battery.model().stateOfCharge()).isEqualTo(1.0);
    }

    @Test
    void replayingTheStoredCurrentGivesTheRestoredCellTheChargeItMissed() throws InterruptedException {
        SimulatedChannel<BatteryModel> running = Simulator.battery("ch1", BatteryParameters.defaults(), clock, 1);
        running.hardware().relay().connect();
        running.hardware().currentSource().setCurrent(-5e-3);
        clock.waitUntil(START + 600_000);
        CellSnapshot saved = running.snapshot();
        clock.waitUntil(START + 900_000); // five more minutes the saved snapshot does not know of

        SimulatedChannel<BatteryModel> restored = Simulator.battery("ch1", BatteryParameters.defaults(), clock, 1);
        restored.restore(saved);
        for (int second = 0; second < 300; second++) {
            restored.replayCurrent(-5e-3, 1.0);
        }

        assertThat(restored.model().dischargedCoulombs()).isCloseTo(running.model().dischargedCoulombs(), within(1e-12));
        assertThat(restored.model().stateOfCharge()).isCloseTo(running.model().stateOfCharge(), within(1e-12));
        assertThat(restored.model().ammoniaMoles()).isCloseTo(running.model().ammoniaMoles(), within(1e-15));
    }
}
