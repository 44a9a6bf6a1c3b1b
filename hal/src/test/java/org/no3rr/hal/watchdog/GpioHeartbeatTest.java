package org.no3rr.hal.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On Pi4J's mock GPIO plugin. */
class GpioHeartbeatTest {

    private final Context pi4j = Pi4J.newContextBuilder().add(MockDigitalOutputProvider.newInstance()).build();
    private final DigitalOutput pin = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).address(5).initial(DigitalState.HIGH));

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void theHeartbeatStartsLowSoTheRelaysGetPowerOnlyOnceTheStationToggles() {
        GpioHeartbeat heartbeat = new GpioHeartbeat(pin, 250);

        assertThat(pin.state()).isEqualTo(DigitalState.LOW);
        assertThat(heartbeat.edges()).isZero();
        assertThat(heartbeat.toggleIntervalMillis()).isEqualTo(250);
    }

    @Test
    void everyToggleIsOneEdge() {
        GpioHeartbeat heartbeat = new GpioHeartbeat(pin, 250);

        heartbeat.toggle();
        assertThat(pin.state()).isEqualTo(DigitalState.HIGH);
        heartbeat.toggle();
        assertThat(pin.state()).isEqualTo(DigitalState.LOW);
        heartbeat.toggle();

        assertThat(pin.state()).isEqualTo(DigitalState.HIGH);
        assertThat(heartbeat.edges()).isEqualTo(3);
    }

    @Test
    void theSafeStateLeavesThePinLowSoTheExternalWatchdogTimesOut() {
        GpioHeartbeat heartbeat = new GpioHeartbeat(pin, 250);
        heartbeat.toggle();

        heartbeat.toSafeState();
        heartbeat.toSafeState();

        assertThat(pin.state()).isEqualTo(DigitalState.LOW);
        heartbeat.close();
        assertThat(pin.state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void aNonPositiveIntervalIsRejected() {
        assertThatThrownBy(() -> new GpioHeartbeat(pin, 0))
                .hasMessage("heartbeat interval must be a positive number of ms, was 0");
    }
}
