package org.no3rr.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
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
import org.no3rr.hal.fake.FakeTime;
import org.no3rr.hal.instrument.TwoPointCalibration;

/** The example board on fake chips (datasheet register models) and Pi4J's mock GPIO. */
class Pi4jBackendTest {

    private final FakeTime time = new FakeTime();
    private final FakeI2cProvider chips = FakeRig.exampleChips(time);
    private final Context pi4j = FakeRig.context(chips);

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private Pi4jRig open(Map<String, TwoPointCalibration> calibrations) {
        return Pi4jBackend.open(BoardFile.example(), pi4j, calibrations, time);
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
    void openingChecksEveryChipThenBringsEachToItsKnownState() {
        Pi4jRig rig = open(Map.of());

        assertThat(rig.channels()).extracting(ChannelHardware::id).containsExactly("ch1", "ch2", "ch3", "ch4");
        assertThat(rig.selfTest().passed()).isTrue();
        assertThat(rig.selfTest().checks()).hasSize(14);
        List<String> adc = adc(0x48).log();
        // the self-test's read, one conversion at DR 000 (0xC103) still busy after 20 ms (0x4103), polled
        // until done after 125 ms, then the driver's idle config
        assertThat(adc.subList(0, 3)).containsExactly("R 01 8583", "W 01 C103", "R 01 4103");
        assertThat(adc.subList(adc.size() - 2, adc.size())).containsExactly("R 01 C103", "W 01 0583");
        assertThat(adc(0x48).conversions()).isEqualTo(1);
        assertThat(dac(0x60).log()).as("self-test read, then mid-scale from the driver and 0 A from the source, each read back")
                .containsExactly("R C080000800", "W 0800", "R C080000800", "W 0800", "R C080000800");
        assertThat(dac(0x63).log()).as("setpoint DAC: read, driver's mid-scale read back, the potentiostat's release")
                .containsExactly("R C080000800", "W 0800", "R C080000800", "W 0800");
        assertThat(chips.opened(1, 0x42, FakeIna226.class).log())
                .containsExactly("R FE 5449", "R FF 2260", "R FE 5449", "R FF 2260", "W 00 4527", "W 05 0800");
        assertThat(chips.opened(1, 0x40, FakeIna226.class).calibration()).as("0.00512 / (2.5 µA × 1 Ω)").isEqualTo(2048);
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
        adc(0x48).input(Mux.AIN0_AIN1, 0.25);
        chips.opened(1, 0x40, FakeIna226.class).shuntVolts(-0.01);
        adc(0x48).clearLog();
        dac(0x60).clearLog();
        time.clearPauses();

        ch1.relay().connect();
        ch1.currentSource().setCurrent(-0.01);
        Measurement m = ch1.measure(1000);
        ch1.toSafeState();

        assertThat(pin("no3rr-relay-ch1-cell")).isEqualTo(DigitalState.HIGH);
        // −10 mA: 2048 + (−0.01 / 0.025) × 4096 / 5 = 1720.32 → 1720 = 0x6B8, read back, checked again by the
        // measurement; then 0 A = 0x800 without waiting for the bus
        assertThat(dac(0x60).log()).containsExactly("W 06B8", "R C06B800800", "R C06B800800", "W 0800");
        // AIN0_AIN1 at ±0.512 V and AIN2_GND at ±4.096 V, 128 SPS, single-shot
        assertThat(adc(0x48).writes()).containsExactly("W 01 8983", "W 01 E383");
        assertThat(m.voltage()).as("0.25 V at the pins × 6").isEqualTo(1.5);
        assertThat(m.current()).as("−10 mV over 1 Ω: −4000 counts of 2.5 µA").isEqualTo(-0.01);
        assertThat(m.temperature()).as("R_T = R25 is 25 °C").isCloseTo(25.0, within(1e-9));
        assertThat(m.hasWorkingElectrodePotential()).isFalse();
        assertThat(time.pauses()).containsExactly(7_812_500L, 7_812_500L);
    }

    @Test
    void aPotentiostaticHoldOnAnHCellChannel() {
        Pi4jRig rig = open(Map.of());
        ChannelHardware ch3 = rig.channels().get(2);
        adc(0x4A).input(Mux.AIN0_AIN1, -0.8 / 6).input(Mux.AIN0_AIN3, -1.9 / 6);
        chips.opened(1, 0x42, FakeIna226.class).shuntVolts(-0.01);

        ch3.relay().connect();
        ch3.potentialControl().orElseThrow().hold(-0.8);
        Measurement m = ch3.measure(0);

        assertThat(dac(0x63).code()).as("2048 + (−0.8 / 1.5) × 4096 / 5 = 1611.09").isEqualTo(1611);
        assertThat(pin("no3rr-relay-ch3-mode")).as("mode relay energised").isEqualTo(DigitalState.LOW);
        // −0.1333 V at ±0.512 V is code −8533, which reads −0.13333 V: ×6 within one LSB (93.75 µV)
        assertThat(m.workingElectrodePotential()).isCloseTo(-0.8, within(6 * 0.512 / 32768));
        assertThat(m.voltage()).isCloseTo(-1.9, within(6 * 2.048 / 32768));
        assertThat(m.current()).as("−10 mV over 0.5 Ω through the INA226's current register").isEqualTo(-0.02);

        ch3.toSafeState();
        assertThat(dac(0x63).code()).isEqualTo(2048);
        assertThat(pin("no3rr-relay-ch3-mode")).isEqualTo(DigitalState.HIGH);
        assertThat(pin("no3rr-relay-ch3-cell")).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void anOpenThermistorFailsTheReadingNamingItInsteadOfReadingNaN() {
        Pi4jRig rig = open(Map.of());
        adc(0x49).input(Mux.AIN2_GND, 5.0);

        assertThatThrownBy(() -> rig.channels().get(1).measure(0))
                .isInstanceOf(HalException.class)
                .hasMessage("temperature: the thermistor on ADS1115 on bus 1 at 0x49, AIN2_GND, ±4.096 V reads 4.095875 V,"
                        + " at or above 4.095875 V: open circuit (missing sensor or broken lead) or out of range");
    }

    @Test
    void calibrationsApplyPerPathLiveAndUnknownKeysAreRejected() {
        Pi4jRig rig = open(Map.of("ch1.voltage", new TwoPointCalibration(1.01, -0.005)));
        adc(0x48).input(Mux.AIN0_AIN1, 0.25);
        ChannelHardware ch1 = rig.channels().get(0);
        assertThat(ch1.measure(0).voltage()).isEqualTo(1.01 * 1.5 - 0.005);

        rig.calibrate("ch1.voltage", new TwoPointCalibration(0.99, 0.002));
        rig.calibrate("ch1.current-source", new TwoPointCalibration(0.98, 0.0002));

        assertThat(ch1.measure(0).voltage()).as("from the next reading, no restart").isEqualTo(0.99 * 1.5 + 0.002);
        ch1.currentSource().setCurrent(-0.02);
        // (−0.02 − 0.0002) / 0.98 = −0.0206122 A: 2048 + (−0.0206122 / 0.025) × 4096 / 5 = 1372.58 → 1373
        assertThat(dac(0x60).code()).isEqualTo(1373);
        assertThatThrownBy(() -> rig.calibrate("ch1.potential", TwoPointCalibration.identity()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("calibration keys [ch1.potential] name no path of board");
        rig.close();

        assertThatThrownBy(() -> open(Map.of("ch1.potential", TwoPointCalibration.identity())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("calibration keys [ch1.potential] name no path of board")
                .hasMessageEndingWith("allowed: [ch1.current, ch1.current-source, ch1.voltage, ch2.current, ch2.current-source,"
                        + " ch2.voltage, ch3.current, ch3.current-source, ch3.potential, ch3.potential-control, ch3.voltage,"
                        + " ch4.current, ch4.current-source, ch4.potential, ch4.potential-control, ch4.voltage]");
    }

    @Test
    void aMissingChipFailsTheSelfTestNamingChipBusAndAddressBeforeAnythingIsWritten() {
        chips.unplug(1, 0x49).unplug(1, 0x65);

        assertThatThrownBy(() -> open(Map.of()))
                .isInstanceOf(HalException.class)
                .hasMessage("hardware self-test failed:\n"
                        + "  - ADS1115 on bus 1 at 0x49 (channel.ch2.adc.address) did not answer: Remote I/O error (no ACK from 0x49)\n"
                        + "  - MCP4725 on bus 1 at 0x65 (channel.ch4.potential.dac.address) did not answer: Remote I/O error (no ACK from 0x65)");
        assertThat(adc(0x48).writes()).as("only the self-test's one conversion, no configuration").containsExactly("W 01 C103");
        assertThat(dac(0x60).writes()).isEmpty();
        assertThat(pi4j.registry().exists("no3rr-relay-ch1-cell")).as("pins given back").isFalse();
    }

    @Test
    void anotherChipAtAnIna226AddressFailsTheSelfTestWithItsIds() {
        FakeI2cProvider wrong = FakeRig.exampleChips(time).chip(1, 0x43, (p, c) -> new FakeIna226(p, c).ids(0x5449, 0x2270));
        Context other = FakeRig.context(wrong);
        try {
            SelfTestReport report = Pi4jBackend.selfTest(BoardFile.example(), other, time);

            assertThat(report.passed()).isFalse();
            assertThat(report.failures()).extracting(ChipCheck::describe).containsExactly(
                    "INA226 on bus 1 at 0x43 (channel.ch4.ina226.address) answered but INA226 on bus 1 at 0x43 is not an INA226:"
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
                .hasMessage("cell voltage: ADS1115 on bus 1 at 0x48: writing register 0x01 failed: Remote I/O error (no ACK"
                        + " from 0x48) (3 tries, bus recovered once)");
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
        again.close();
    }
}
