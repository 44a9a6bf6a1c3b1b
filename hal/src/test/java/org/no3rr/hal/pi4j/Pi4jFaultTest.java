package org.no3rr.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.ads1115.Mux;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.fake.FakeAds1115;
import org.no3rr.hal.fake.FakeI2c;
import org.no3rr.hal.fake.FakeI2cProvider;
import org.no3rr.hal.fake.FakeIna226;
import org.no3rr.hal.fake.FakeMcp4725;
import org.no3rr.hal.fake.FakeRig;
import org.no3rr.hal.fake.FakeTime;
import org.no3rr.hal.mcp4725.Mcp4725Status;
import org.no3rr.hal.mcp4725.PowerDown;

/**
 * Fault injection on the example board's fake chips: hung and stuck buses, chips reset by a supply
 * dip, the wrong ADC and an uncommissioned DAC.
 */
class Pi4jFaultTest {

    private final FakeTime time = new FakeTime();
    private final FakeI2cProvider chips = FakeRig.exampleChips(time);
    private Context pi4j;

    @AfterEach
    void shutdown() {
        chips.fault(1).release().timeOut(null);
        if (pi4j != null) {
            pi4j.shutdown();
        }
    }

    private Pi4jRig open(BoardFile board) {
        pi4j = FakeRig.context(chips);
        return Pi4jBackend.open(board, pi4j, Map.of(), time);
    }

    private DigitalState pin(String id) {
        return pi4j.registry().get(id, DigitalOutput.class).state();
    }

    @Test
    void aHungBusStillOpensEveryRelayWithinOneReadingIntervalAndTheDacsFollowWhenItFrees() throws InterruptedException {
        Pi4jRig rig = open(BoardFile.example());
        for (ChannelHardware channel : rig.channels()) {
            channel.relay().connect();
            channel.currentSource().setCurrent(0.02);
        }
        chips.fault(1).hang();
        // ch1's runner is stuck inside a transfer, holding bus 1.
        CompletableFuture<Void> stuckRunner = CompletableFuture.runAsync(() -> rig.channels().get(0).measure(0));
        assertThat(chips.fault(1).awaitBlocked(1, Duration.ofSeconds(5))).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> rig.channels().forEach(ChannelHardware::toSafeState),
                "the default reading interval is 1 s");

        for (String relay : List.of("ch1-cell", "ch2-cell", "ch3-cell", "ch3-mode", "ch4-cell", "ch4-mode")) {
            assertThat(pin("no3rr-relay-" + relay)).as(relay + " open (active-low: HIGH)").isEqualTo(DigitalState.HIGH);
        }
        assertThat(rig.bus(1).deferredWrites()).as("4 current DACs and 2 setpoint DACs wait for the bus").isEqualTo(6);
        assertThat(chips.opened(1, 0x60, FakeMcp4725.class).code()).as("still at 20 mA").isNotEqualTo(2048);

        chips.fault(1).release();
        stuckRunner.join();
        for (int dac = 0x60; dac <= 0x65; dac++) {
            assertThat(chips.opened(1, dac, FakeMcp4725.class).code()).as("DAC 0x%02X at mid-scale", dac).isEqualTo(2048);
        }
        assertThat(rig.bus(1).deferredWrites()).isZero();
    }

    @Test
    void aBusThatTimesOutFaultsOnlyTheChannelsOnItNamingChipBusAndAddress() {
        FakeI2cProvider withBus3 = chips.chip(3, 0x49, FakeRig::adcAt25DegreesC).chip(3, 0x41, FakeIna226::new)
                .chip(3, 0x61, FakeMcp4725::new);
        assertThat(withBus3).isSameAs(chips);
        Pi4jRig rig = open(exampleWith("channel.ch2.adc.bus", "3"));
        chips.fault(1).timeOut(time);
        long before = time.nanoTime();

        assertThatThrownBy(() -> rig.channels().get(0).measure(0))
                .isInstanceOf(HalException.class)
                .hasMessage("cell voltage: ADS1115 on bus 1 at 0x48: writing register 0x01 failed: I2C transfer to 0x48"
                        + " timed out (ETIMEDOUT) (3 tries, bus recovered once)");
        assertThat(time.nanoTime() - before).as("three tries and the recovery's read, 1 s each, and 2 + 4 ms back-off")
                .isEqualTo(4_006_000_000L);
        long afterFirst = time.nanoTime();
        assertThatThrownBy(() -> rig.channels().get(2).measure(0))
                .isInstanceOf(HalException.class)
                .hasMessageStartingWith("cell voltage: ADS1115 on bus 1 at 0x4A: writing register 0x01 not attempted: I2C bus 1"
                        + " is stuck; first failure: ADS1115 on bus 1 at 0x48");
        assertThat(time.nanoTime()).as("failed at once, no more timeouts").isEqualTo(afterFirst);

        chips.opened(3, 0x49, FakeAds1115.class).input(Mux.AIN0_AIN1, 0.25);
        assertThat(rig.channels().get(1).measure(0).voltage()).as("ch2 on bus 3 reads on").isEqualTo(1.5);
    }

    @Test
    void aSlaveHoldingSdaIsClockedOutByAReadAtTheBoardsFreeAddressAndTheReadGoesOn() {
        Pi4jRig rig = open(BoardFile.example());
        chips.opened(1, 0x48, FakeAds1115.class).input(Mux.AIN0_AIN1, 0.25);
        chips.fault(1).holdSda(1);
        time.clearPauses();

        double volts = rig.channels().get(0).measure(0).voltage();

        assertThat(volts).isEqualTo(1.5);
        assertThat(rig.bus(1).recoveries()).isEqualTo(1);
        assertThat(chips.opened(1, 0x77, FakeI2c.class).device())
                .as("the recovery read went to 0x77, the highest address no chip uses").isEqualTo(0x77);
        assertThat(time.pauses().get(0)).as("2 ms back-off before the second try").isEqualTo(2_000_000L);
    }

    @Test
    void aBusThatDoesNotExistFailsTheSelfTestSayingSoBeforeAnyPinIsClaimed() {
        chips.missingBus(9);

        assertThatThrownBy(() -> open(exampleWith("channel.ch2.adc.bus", "9")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("  - ADS1115 on bus 9 at 0x49 (channel.ch2.adc.address) cannot be reached: no such I2C"
                        + " bus 9 for ADS1115 on bus 9 at 0x49: Sysfs validation failed for I2C bus 9: path"
                        + " '/sys/bus/i2c/devices/i2c-9' does not exist. (enable I2C with dtparam=i2c_arm=on, check the bus"
                        + " in the board file, and that the station's user is in the i2c group)")
                .hasMessageContaining("  - INA226 on bus 9 at 0x41 (channel.ch2.ina226.address) cannot be reached")
                .hasMessageContaining("  - MCP4725 on bus 9 at 0x61 (channel.ch2.dac.address) cannot be reached");
        assertThat(pi4j.registry().exists("no3rr-relay-ch1-cell")).as("the self-test comes before any relay pin").isFalse();
    }

    @Test
    void anIna226ResetMidRunIsDetectedByItsLostCalibrationAndRepaired() {
        Pi4jRig rig = open(BoardFile.example());
        FakeIna226 ina = chips.opened(1, 0x42, FakeIna226.class).shuntVolts(-0.01);
        ChannelHardware ch3 = rig.channels().get(2);
        assertThat(ch3.measure(0).current()).isEqualTo(-0.02);

        ina.powerOnReset();
        ina.clearLog();
        double afterReset = ch3.measure(0).current();

        // the current register reads 0 with CAL = 0; CAL is checked, both registers written again, and this
        // reading taken from the shunt register: −4000 × 2.5 µV / 0.5 Ω
        assertThat(ina.log()).containsExactly("R 04 0000", "R 05 0000", "W 00 4527", "W 05 0800", "R 01 F060");
        assertThat(afterReset).isEqualTo(-0.02);
        assertThat(ina.configuration()).isEqualTo(0x4527);
        assertThat(ina.calibration()).isEqualTo(2048);
        ina.clearLog();
        assertThat(ch3.measure(0).current()).isEqualTo(-0.02);
        assertThat(ina.log()).containsExactly("R 04 F060");
    }

    @Test
    void aDacResetMidRunIsFoundAtTheNextReadingAndSetBack() {
        Pi4jRig rig = open(BoardFile.example());
        ChannelHardware ch1 = rig.channels().get(0);
        ch1.relay().connect();
        ch1.currentSource().setCurrent(-0.01);
        FakeMcp4725 dac = chips.opened(1, 0x60, FakeMcp4725.class).powerOnReset();
        assertThat(dac.code()).isEqualTo(2048);

        ch1.measure(0);

        assertThat(dac.code()).as("−10 mA again").isEqualTo(1720);
    }

    @Test
    void anAds1015AtAnAds1115AddressIsRefusedAtStart() {
        chips.chip(1, 0x4A, (p, c) -> FakeRig.adcAt25DegreesC(p, c).asAds1015());

        assertThatThrownBy(() -> open(BoardFile.example()))
                .isInstanceOf(HalException.class)
                .hasMessage("hardware self-test failed:\n  - ADS1115 on bus 1 at 0x4A (channel.ch3.adc.address) answered but"
                        + " ADS1115 on bus 1 at 0x4A is not an ADS1115: a conversion at data-rate code 000 was done within"
                        + " 20 ms, where an ADS1115 takes 125 ms (8 SPS ± 10 %) and an ADS1015 (12-bit) 7.8 ms (128 SPS);"
                        + " fit an ADS1115");
    }

    @Test
    void aDacWhoseEepromPowersUpOffZeroKeepsItsChannelDisconnectedUntilCommissioned() {
        chips.chip(1, 0x61, (p, c) -> new FakeMcp4725(p, c).eeprom(0xFFF, 0b00).eepromBusyForReads(2));
        Pi4jRig rig = open(BoardFile.example());
        ChannelHardware ch2 = rig.channels().get(1);

        assertThat(rig.selfTest().passed()).isTrue();
        assertThatThrownBy(() -> ch2.relay().connect())
                .isInstanceOf(HalException.class)
                .hasMessage("channel ch2 may not connect its cell: MCP4725 on bus 1 at 0x61 (channel.ch2.dac.address): its"
                        + " EEPROM powers it up at code 4095 (NORMAL), not the safe code 2048 (NORMAL); commission it before"
                        + " the channel connects a cell");
        assertThat(pin("no3rr-relay-ch2-cell")).isEqualTo(DigitalState.HIGH);
        time.clearPauses();

        Mcp4725Status status = rig.commissionDac("ch2", DacRole.CURRENT_SOURCE);

        assertThat(status).isEqualTo(new Mcp4725Status(true, true, PowerDown.NORMAL, 2048, PowerDown.NORMAL, 2048));
        assertThat(time.pauses()).as("two busy reads, 5 ms apart").containsExactly(5_000_000L, 5_000_000L);
        assertThat(chips.opened(1, 0x61, FakeMcp4725.class).eepromCode()).isEqualTo(2048);
        ch2.relay().connect();
        assertThat(pin("no3rr-relay-ch2-cell")).isEqualTo(DigitalState.LOW);
        assertThatThrownBy(() -> rig.commissionDac("ch2", DacRole.POTENTIAL_CONTROL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel ch2 has no potential-control DAC; it has [current-source]");
    }

    private static BoardFile exampleWith(String key, String value) {
        try (InputStream in = BoardFile.class.getResourceAsStream(BoardFile.EXAMPLE_RESOURCE)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            p.setProperty(key, value);
            return BoardFile.parse("test", p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
