package org.no3rr.hal.mcp4725;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.no3rr.hal.HalException;
import org.no3rr.hal.fake.FakeI2c;
import org.no3rr.hal.fake.FakeMcp4725;

/** Datasheet numbers from Microchip DS22039D: fast-mode write bytes, Equation 4-1, the read format. */
class Mcp4725DriverTest {

    private final FakeMcp4725 chip = new FakeMcp4725(null, FakeI2c.onBus1(0x60));
    private final Mcp4725Driver driver = new Mcp4725Driver(chip, 5.0, Mcp4725Driver.MID_SCALE);

    @Test
    void theConstructorDrivesTheInitialCodeInNormalMode() {
        assertThat(chip.writes()).containsExactly("W 0800");
        assertThat(chip.code()).isEqualTo(2048);
        assertThat(chip.powerDownBits()).isZero();
    }

    @ParameterizedTest(name = "code {0} → bytes {1}, {2} V at Vref 5 V")
    @CsvSource({
        "0,    0000, 0.0",
        "1,    0001, 0.001220703125",
        "2048, 0800, 2.5",
        "4095, 0FFF, 4.998779296875",
    })
    void aFastWriteIsTwoBytesWithTheCodeRightAligned(int code, String bytes, double volts) {
        chip.clearLog();

        driver.setCode(code);

        assertThat(chip.writes()).containsExactly("W " + bytes);
        assertThat(chip.code()).isEqualTo(code);
        assertThat(driver.volts(code)).isEqualTo(volts);
    }

    @Test
    void codesBeyondTwelveBitsAreRejectedWithTheRangeAndNothingIsWritten() {
        chip.clearLog();

        assertThatThrownBy(() -> driver.setCode(4096)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP4725 code 4096 is outside 0 to 4095");
        assertThatThrownBy(() -> driver.setCode(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MCP4725 code -1 is outside 0 to 4095");
        assertThatThrownBy(() -> new Mcp4725Driver(chip, 5.0, 5000)).hasMessageContaining("outside 0 to 4095");
        assertThat(chip.writes()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → first byte {1}")
    @CsvSource({"NORMAL, 08", "PULL_DOWN_1K, 18", "PULL_DOWN_100K, 28", "PULL_DOWN_500K, 38"})
    void powerDownBitsSitInBits5And4OfTheFirstByte(PowerDown mode, String firstByte) {
        chip.clearLog();

        driver.powerDown(mode, 2048);

        assertThat(chip.writes()).containsExactly("W " + firstByte + "00");
        assertThat(chip.powerDownBits()).isEqualTo(mode.bits());
    }

    @Test
    void thePowerUpCodeIsStoredWithTheDacAndEepromCommand() {
        chip.clearLog();

        driver.storePowerUpCode(0xABC);

        assertThat(chip.writes()).containsExactly("W 60ABC0");
        assertThat(chip.eepromCode()).isEqualTo(0xABC);
    }

    @Test
    void theStatusReadDecodesTheDacRegisterAndTheEeprom() {
        driver.setCode(0x123);
        driver.storePowerUpCode(0x800);
        driver.powerDown(PowerDown.PULL_DOWN_100K, 0x456);

        Mcp4725Status status = driver.readStatus();

        assertThat(status).isEqualTo(new Mcp4725Status(true, true, PowerDown.PULL_DOWN_100K, 0x456, PowerDown.NORMAL, 0x800));
        assertThat(Mcp4725Driver.probe(chip).dacCode()).isEqualTo(0x456);
    }

    @Test
    void aReferenceOutsideTheSupplyRangeIsRejected() {
        assertThatThrownBy(() -> new Mcp4725Driver(chip, 6.0, 0))
                .hasMessage("MCP4725 reference (its VDD) must be 2.7 V to 5.5 V, was 6.0 V");
    }

    @Test
    void aMissingChipFailsTheConstructorNamingIt() {
        FakeMcp4725 absent = new FakeMcp4725(null, FakeI2c.onBus1(0x67));
        absent.unplug();

        assertThatThrownBy(() -> new Mcp4725Driver(absent, 5.0, 2048)).isInstanceOf(HalException.class)
                .hasMessageStartingWith("MCP4725 on bus 1 at 0x67: writing 2 bytes failed");
    }
}
