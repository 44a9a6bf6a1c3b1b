package org.no3rr.hal.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellRelay;
import org.no3rr.hal.fake.FakeI2c;
import org.no3rr.hal.fake.FakeMcp4725;
import org.no3rr.hal.mcp4725.Mcp4725Driver;

/** E = (Vref·code/4096 − Vref/2)·k with Vref 5 V and k = 1.5 V/V (the example board's H-cells). */
class AnalogPotentiostatTest {

    private final List<String> events = new ArrayList<>();
    private final LiveCalibration calibration = LiveCalibration.identity();
    private final FakeMcp4725 chip = new FakeMcp4725(null, FakeI2c.onBus1(0x63));
    private final CellRelay modeRelay = new CellRelay() {
        private boolean connected;

        @Override
        public void connect() {
            connected = true;
            events.add("mode relay closed at dac " + chip.code());
        }

        @Override
        public void disconnect() {
            connected = false;
            events.add("mode relay open at dac " + chip.code());
        }

        @Override
        public boolean isConnected() {
            return connected;
        }
    };
    private final AnalogPotentiostat potentiostat = new AnalogPotentiostat(new Mcp4725Driver(chip, 5.0, 2048),
            new BipolarDacTransfer(5.0, 1.5), modeRelay, -3.0, 3.0, calibration);

    @Test
    void itStartsReleasedWithTheSetpointAtZeroVolts() {
        assertThat(events).containsExactly("mode relay open at dac 2048");
        assertThat(chip.writes()).as("the driver's mid-scale, then the release's").containsExactly("W 0800", "W 0800");
        assertThat(potentiostat.isHolding()).isFalse();
    }

    @Test
    void aSetpointCalibrationAppliesFromTheNextHoldWithoutRebuildingAnything() {
        // Measured E = 1.02 × commanded − 0.01 V: to get −1.0 V, command (−1.0 + 0.01) / 1.02 = −0.970588 V
        calibration.set(new TwoPointCalibration(1.02, -0.01));
        events.clear();

        potentiostat.hold(-1.0);

        // 2048 + (−0.970588 / 1.5) × 4096 / 5 = 1517.93 → 1518
        assertThat(events).containsExactly("mode relay closed at dac 1518");
    }

    @Test
    void releaseOpensTheModeRelayBeforeTheSetpointGoesBackToZero() {
        potentiostat.hold(-1.0);
        events.clear();

        potentiostat.release();

        assertThat(events).containsExactly("mode relay open at dac 1502");
        assertThat(chip.code()).isEqualTo(2048);
    }

    @Test
    void holdSetsTheSetpointBeforeEngagingTheControlAmplifier() {
        events.clear();

        potentiostat.hold(-1.0);

        // 2048 + (−1.0 / 1.5) × 4096 / 5 = 1501.87 → 1502
        assertThat(events).containsExactly("mode relay closed at dac 1502");
        assertThat(potentiostat.isHolding()).isTrue();
    }

    @Test
    void releaseDisengagesFirstThenReturnsTheSetpointToZero() {
        potentiostat.hold(0.5);
        events.clear();

        potentiostat.release();

        assertThat(events).containsExactly("mode relay open at dac 2321");
        assertThat(chip.code()).isEqualTo(2048);
        assertThat(potentiostat.isHolding()).isFalse();
    }

    @Test
    void aPotentialOutsideTheWindowIsRejectedWithTheWindow() {
        events.clear();
        chip.clearLog();

        assertThatThrownBy(() -> potentiostat.hold(3.2))
                .hasMessage("potential 3.2 V is outside the channel's window -3.0 V to 3.0 V");
        assertThat(events).isEmpty();
        assertThat(chip.writes()).isEmpty();
    }

    @Test
    void aWindowBeyondTheSetpointDacIsRefused() {
        assertThatThrownBy(() -> new AnalogPotentiostat(new Mcp4725Driver(chip, 5.0, 2048),
                new BipolarDacTransfer(5.0, 1.0), modeRelay, -3.0, 3.0, LiveCalibration.identity()))
                .hasMessageStartingWith("potential window -3.0 V to 3.0 V is beyond what MCP4725 on bus 1 at 0x63 can set: -2.5 V to");
    }
}
