package org.no3rr.hal.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellRelay;

/** On Pi4J's mock GPIO plugin: what level each pin is driven to. */
class GpioRelayBankTest {

    private final Context pi4j = Pi4J.newContextBuilder().add(MockDigitalOutputProvider.newInstance()).build();
    private final DigitalOutput pin17 = pin(17, DigitalState.LOW);
    private final DigitalOutput pin27 = pin(27, DigitalState.HIGH);
    private final GpioRelayBank bank = new GpioRelayBank(List.of(
            new RelayLine("ch1.cell", pin17, true),
            new RelayLine("ch2.cell", pin27, false)));

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private DigitalOutput pin(int bcm, DigitalState initial) {
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).address(bcm).initial(initial));
    }

    @Test
    void theBankStartsWithEveryRelayOpenWhateverThePinsWere() {
        assertThat(pin17.state()).as("active-low open = HIGH").isEqualTo(DigitalState.HIGH);
        assertThat(pin27.state()).as("active-high open = LOW").isEqualTo(DigitalState.LOW);
        assertThat(bank.relay("ch1.cell").isConnected()).isFalse();
    }

    @Test
    void activeLowInvertsTheLevelThatClosesTheContact() {
        CellRelay lowRelay = bank.relay("ch1.cell");
        CellRelay highRelay = bank.relay("ch2.cell");

        lowRelay.connect();
        highRelay.connect();

        assertThat(pin17.state()).isEqualTo(DigitalState.LOW);
        assertThat(pin27.state()).isEqualTo(DigitalState.HIGH);
        assertThat(lowRelay.isConnected()).isTrue();

        lowRelay.disconnect();
        assertThat(pin17.state()).isEqualTo(DigitalState.HIGH);
        assertThat(lowRelay.isConnected()).isFalse();
    }

    @Test
    void theSafeStateOpensEveryRelayAndIsIdempotent() {
        bank.relay("ch1.cell").connect();
        bank.relay("ch2.cell").connect();

        bank.toSafeState();
        bank.toSafeState();

        assertThat(pin17.state()).isEqualTo(DigitalState.HIGH);
        assertThat(pin27.state()).isEqualTo(DigitalState.LOW);
        assertThat(bank.relay("ch2.cell").isConnected()).isFalse();
    }

    @Test
    void anUnknownRelayNameListsTheKnownOnes() {
        assertThatThrownBy(() -> bank.relay("ch9.cell"))
                .hasMessage("no relay called ch9.cell; the bank has [ch1.cell, ch2.cell]");
    }
}
