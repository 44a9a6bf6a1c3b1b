package org.no3rr.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.Measurement;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.battery.BatteryParameters;

class FaultInjectorTest {

    private static final long START = 1_700_000_000_000L;

    private final VirtualClock clock = VirtualClock.atMaxSpeed(START);
    private final SimulatedChannel<BatteryModel> channel = Simulator.battery("b7", BatteryParameters.defaults(), clock, 3);
    private final ChannelHardware hw = channel.hardware();
    private final FaultInjector faults = channel.faults();

    @Test
    void aReadThatFailsOnceThrowsNamingTheInputAndThenRecovers() {
        faults.failNextRead(SimulatedInput.CELL_VOLTAGE);

        assertThatThrownBy(() -> hw.measure(clock.millis()))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("b7")
                .hasMessageContaining("cell voltage")
                .hasMessageContaining("this read only");
        assertThat(hw.measure(clock.millis()).voltage()).isCloseTo(1.579, within(0.002));
    }

    @Test
    void aReadThatAlwaysFailsKeepsFailingUntilRestored() {
        faults.failEveryRead(SimulatedInput.CELL_CURRENT);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> hw.measure(clock.millis()))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("cell current")
                    .hasMessageContaining("every read fails");
        }
        faults.restoreReads(SimulatedInput.CELL_CURRENT);
        assertThat(hw.measure(clock.millis()).current()).isCloseTo(0.0, within(10e-6));
    }

    @Test
    void aRelayStuckClosedKeepsTheCellConnectedButSafeStateStillStopsTheCurrent() {
        hw.relay().connect();
        hw.currentSource().setCurrent(-5e-3);
        faults.stickRelay(true);

        hw.relay().disconnect();
        advance(10);
        Measurement stillFlowing = hw.measure(clock.millis());
        assertThat(hw.relay().isConnected()).as("reports the command, not the contacts").isFalse();
        assertThat(stillFlowing.current()).isCloseTo(-5e-3, within(10e-6));

        hw.toSafeState();
        advance(10);
        assertThat(hw.measure(clock.millis()).current()).isCloseTo(0.0, within(10e-6));
        assertThat(hw.currentSource().setpointAmps()).isZero();
    }

    @Test
    void aRelayStuckOpenPassesNoCurrentAndReadsTheOpenCircuitVoltage() {
        faults.stickRelay(false);
        hw.relay().connect();
        hw.currentSource().setCurrent(-5e-3);
        advance(60);
        Measurement m = hw.measure(clock.millis());

        assertThat(hw.relay().isConnected()).isTrue();
        assertThat(m.current()).isCloseTo(0.0, within(10e-6));
        assertThat(m.voltage()).isCloseTo(channel.model().openCircuitVoltage(), within(0.002));
        assertThat(channel.model().dischargedCoulombs()).isZero();

        faults.freeRelay();
        advance(1);
        assertThat(hw.measure(clock.millis()).current()).isCloseTo(-5e-3, within(10e-6));
    }

    @Test
    void aCurrentSourceThatDoesNotFollowItsSetpointDeliversOnlyTheFaultyFraction() {
        hw.relay().connect();
        hw.currentSource().setCurrent(-4e-3);
        faults.currentSourceDelivers(0.5);
        advance(100);

        assertThat(hw.currentSource().setpointAmps()).isEqualTo(-4e-3);
        assertThat(hw.measure(clock.millis()).current()).isCloseTo(-2e-3, within(10e-6));
        assertThat(channel.model().dischargedCoulombs()).isCloseTo(0.2, within(1e-9));

        faults.currentSourceDelivers(0.0);
        advance(100);
        assertThat(hw.measure(clock.millis()).current()).isCloseTo(0.0, within(10e-6));
        assertThat(channel.model().dischargedCoulombs()).isCloseTo(0.2, within(1e-9));

        faults.currentSourceFollowsSetpoint();
        assertThat(hw.measure(clock.millis()).current()).isCloseTo(-4e-3, within(10e-6));
        assertThatThrownBy(() -> faults.currentSourceDelivers(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }

    @Test
    void safeStateIsIdempotentAndReachedWhileReadsFail() {
        hw.relay().connect();
        hw.currentSource().setCurrent(-5e-3);
        faults.failEveryRead(SimulatedInput.CELL_VOLTAGE);

        hw.toSafeState();
        hw.toSafeState();

        assertThat(hw.relay().isConnected()).isFalse();
        assertThat(hw.currentSource().setpointAmps()).isZero();
        assertThat(channel.effectiveDrive()).isEqualTo(Drive.OPEN_CIRCUIT);
        faults.clearAll();
        assertThat(hw.measure(clock.millis()).current()).isCloseTo(0.0, within(10e-6));
    }

    private void advance(int seconds) {
        clock.advanceTo(clock.millis() + seconds * 1000L);
    }
}
