package org.no3rr.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.Measurement;
import org.no3rr.hal.ads1115.Mux;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.fake.FakeAds1115;
import org.no3rr.hal.fake.FakeI2cProvider;
import org.no3rr.hal.fake.FakeIna226;
import org.no3rr.hal.fake.FakeMcp4725;
import org.no3rr.hal.fake.FakeRig;
import org.no3rr.hal.instrument.TwoPointCalibration;

/** The example board on fake chips (datasheet register models) and Pi4J's mock GPIO. */
class Pi4jBackendTest {

    private final FakeI2cProvider chips = FakeRig.exampleChips();
    private final Context pi4j = FakeRig.context(chips);
    private final List<Long> pauses = new ArrayList<>();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private Pi4jRig open(Map<String, TwoPointCalibration> calibrations) {
        return Pi4jBackend.open(BoardFile.example(), pi4j, calibrations, pauses::add);
    }

    private DigitalState pin(String id) {
        return pi4j.registry().get(id, DigitalOutput.class).state();
    }

    private FakeAds1115 adc(int address) {
        return chips.opened(1, address, FakeAds1115.class);
    }

    private FakeMcp4725 dac(int address) {
        return chips.opened(1, address, FakeMcp4725.class);
    }

    @Test
    void openingProbesEveryChipWithoutWritingThenBringsEachToItsKnownState() {
        Pi4jRig rig = open(Map.of());

        assertThat(rig.channels()).extracting(ChannelHardware::id).containsExactly("ch1", "ch2", "ch3", "ch4");
        assertThat(rig.selfTest().passed()).isTrue();
        assertThat(rig.selfTest().checks()).hasSize(12);
        assertThat(adc(0x48).log()).containsExactly("R 01 8583", "W 01 0583");
        assertThat(dac(0x60).log()).as("mid-scale from the driver, then 0 A from the current source")
                .containsExactly("R C080000800", "W 0800", "W 0800");
        assertThat(dac(0x63).log()).as("setpoint DAC to 0 V, released twice (constructor and potentiostat)")
                .containsExactly("R C080000800", "W 0800", "W 0800");
        assertThat(chips.opened(1, 0x40, FakeIna226.class).log())
                .containsExactly("R FE 5449", "R FF 2260", "R FE 5449", "R FF 2260", "W 00 4527", "W 05 0800");
    }

    @Test
    void everyRelayStartsOpenAtItsDeEnergisedLevel() {
        Pi4jRig rig = open(Map.of());

        for (String relay : List.of("ch1-cell", "ch2-cell", "ch3-cell", "ch3-mode", "ch4-cell", "ch4-mode")) {
            assertThat(pin("no3rr-relay-" + relay)).as(relay + " is active-low, so open = HIGH").isEqualTo(DigitalState.HIGH);
        }
        assertThat(rig.channels()).allSatisfy(c -> assertThat(c.relay().isConnected()).isFalse());
        assertThat(pin("no3rr-watchdog-heartbeat")).isEqualTo(DigitalState.LOW);
    }

    @Test
    void aShortGalvanostaticStepMakesExactlyTheseRegisterWrites() {
        Pi4jRig rig = open(Map.of());
        ChannelHardware ch1 = rig.channels().get(0);
        adc(0x48).input(Mux.AIN0_AIN1, 1.5).input(Mux.AIN2_AIN3, -0.5);
        adc(0x48).clearLog();
        dac(0x60).clearLog();

        ch1.relay().connect();
        ch1.currentSource().setCurrent(-0.01);
        Measurement m = ch1.measure(1000);
        ch1.toSafeState();

        assertThat(pin("no3rr-relay-ch1-cell")).isEqualTo(DigitalState.HIGH);
        // −10 mA: 2048 + (−0.01 / 0.025) × 4096 / 5 = 1720.32 → 1720 = 0x6B8; then 0 A = 0x800
        assertThat(dac(0x60).writes()).containsExactly("W 06B8", "W 0800");
        // AIN0_AIN1 and AIN2_AIN3 at ±4.096 V, 128 SPS, single-shot
        assertThat(adc(0x48).writes()).containsExactly("W 01 8383", "W 01 B383");
        assertThat(m.voltage()).isEqualTo(1.5);
        assertThat(m.current()).as("−0.5 V over 1 Ω × 50").isEqualTo(-0.01);
        assertThat(m.hasWorkingElectrodePotential()).isFalse();
        assertThat(pauses).containsExactly(7_812_500L, 7_812_500L);
    }

    @Test
    void aPotentiostaticHoldOnAnHCellChannel() {
        Pi4jRig rig = open(Map.of());
        ChannelHardware ch3 = rig.channels().get(2);
        adc(0x4A).input(Mux.AIN0_AIN1, -0.8).input(Mux.AIN0_AIN3, -1.9);
        chips.opened(1, 0x40, FakeIna226.class).shuntVolts(-0.01);

        ch3.relay().connect();
        ch3.potentialControl().orElseThrow().hold(-0.8);
        Measurement m = ch3.measure(0);

        assertThat(dac(0x63).code()).as("2048 + (−0.8 / 1.5) × 4096 / 5 = 1611.09").isEqualTo(1611);
        assertThat(pin("no3rr-relay-ch3-mode")).as("mode relay energised").isEqualTo(DigitalState.LOW);
        assertThat(m.workingElectrodePotential()).isEqualTo(-0.8);
        assertThat(m.voltage()).isCloseTo(-1.9, within(1e-12));
        assertThat(m.current()).as("−10 mV over 0.5 Ω through the INA226's current register").isEqualTo(-0.02);

        ch3.toSafeState();
        assertThat(dac(0x63).code()).isEqualTo(2048);
        assertThat(pin("no3rr-relay-ch3-mode")).isEqualTo(DigitalState.HIGH);
        assertThat(pin("no3rr-relay-ch3-cell")).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void calibrationsApplyPerPathAndUnknownKeysAreRejected() {
        Pi4jRig rig = open(Map.of("ch1.voltage", new TwoPointCalibration(1.01, -0.005)));
        adc(0x48).input(Mux.AIN0_AIN1, 1.5);

        assertThat(rig.channels().get(0).measure(0).voltage()).isEqualTo(1.01 * 1.5 - 0.005);
        rig.close();

        assertThatThrownBy(() -> open(Map.of("ch1.potential", TwoPointCalibration.identity())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("calibration keys [ch1.potential] name no analog path of board")
                .hasMessageEndingWith("allowed: [ch1.current, ch1.voltage, ch2.current, ch2.voltage, ch3.current,"
                        + " ch3.potential, ch3.voltage, ch4.current, ch4.potential, ch4.voltage]");
    }

    @Test
    void aMissingChipFailsTheSelfTestNamingChipBusAndAddressBeforeAnythingIsWritten() {
        chips.unplug(1, 0x49).unplug(1, 0x65);

        assertThatThrownBy(() -> open(Map.of()))
                .isInstanceOf(HalException.class)
                .hasMessage("hardware self-test failed:\n"
                        + "  - ADS1115 on bus 1 at 0x49 (channel.ch2.adc.address) did not answer: Remote I/O error (no ACK from 0x49)\n"
                        + "  - MCP4725 on bus 1 at 0x65 (channel.ch4.potential.dac.address) did not answer: Remote I/O error (no ACK from 0x65)");
        assertThat(adc(0x48).writes()).isEmpty();
        assertThat(dac(0x60).writes()).isEmpty();
        assertThat(pi4j.registry().exists("no3rr-relay-ch1-cell")).as("pins given back").isFalse();
    }

    @Test
    void anotherChipAtAnIna226AddressFailsTheSelfTestWithItsIds() {
        FakeI2cProvider wrong = FakeRig.exampleChips().chip(1, 0x41, (p, c) -> new FakeIna226(p, c).ids(0x5449, 0x2270));
        Context other = FakeRig.context(wrong);
        try {
            SelfTestReport report = Pi4jBackend.selfTest(BoardFile.example(), other);

            assertThat(report.passed()).isFalse();
            assertThat(report.failures()).extracting(ChipCheck::describe).containsExactly(
                    "INA226 on bus 1 at 0x41 (channel.ch4.ina226.address) answered but INA226 on bus 1 at 0x41 is not an INA226:"
                            + " manufacturer ID 0x5449 (expected 0x5449), die ID 0x2270 (expected 0x2260)");
        } finally {
            other.shutdown();
        }
    }

    @Test
    void aChipThatFailsDuringARunFailsTheReadNamingIt() {
        Pi4jRig rig = open(Map.of());
        chips.unplug(1, 0x48);

        assertThatThrownBy(() -> rig.channels().get(0).measure(0))
                .isInstanceOf(HalException.class)
                .hasMessage("cell voltage: ADS1115 on bus 1 at 0x48: writing register 0x01 failed: Remote I/O error (no ACK from 0x48)");
    }

    @Test
    void theHeartbeatTogglesItsPin() {
        Pi4jRig rig = open(Map.of());

        rig.heartbeat().orElseThrow().toggle();

        assertThat(pin("no3rr-watchdog-heartbeat")).isEqualTo(DigitalState.HIGH);
        assertThat(rig.heartbeat().orElseThrow().toggleIntervalMillis()).isEqualTo(250);
    }

    @Test
    void closingLeavesEverythingSafeAndGivesThePinsBackSoTheRigCanBeOpenedAgain() {
        Pi4jRig rig = open(Map.of());
        rig.channels().get(1).relay().connect();
        rig.channels().get(1).currentSource().setCurrent(0.02);
        rig.heartbeat().orElseThrow().toggle();

        rig.close();

        assertThat(dac(0x61).code()).isEqualTo(2048);
        assertThat(pi4j.registry().exists("no3rr-relay-ch2-cell")).isFalse();
        assertThat(pi4j.registry().exists("no3rr-watchdog-heartbeat")).isFalse();
        Pi4jRig again = open(Map.of());
        assertThat(again.channels()).hasSize(4);
        assertThat(dac(0x61).code()).as("a fresh chip model starts at its EEPROM code").isEqualTo(2048);
    }
}
