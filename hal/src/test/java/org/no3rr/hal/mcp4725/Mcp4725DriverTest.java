package org.no3rr.hal.mcp4725;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.no3rr.hal.HalException;
import org.no3rr.hal.fake.FakeI2c;
import org.no3rr.hal.fake.FakeMcp4725;
import org.no3rr.hal.fake.FakeTime;
import org.no3rr.hal.i2c.I2cChip;

/** Datasheet numbers from Microchip DS22039D: fast-mode write bytes, Equation 4-1, the read format. */
class Mcp4725DriverTest {

    private final FakeMcp4725 chip = new FakeMcp4725(null, FakeI2c.onBus1(0x60));
    private final Mcp4725Driver driver = new Mcp4725Driver(chip, 5.0, Mcp4725Driver.MID_SCALE);
    private final FakeTime time = new FakeTime();

    @Test
    void theConstructorDrivesTheInitialCodeInNormalModeAndReadsItBack() {
        assertThat(chip.log()).containsExactly("W 0800", "R C080000800");
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

        driver.storePowerUpCode(0xABC, time);

        assertThat(chip.writes()).containsExactly("W 60ABC0");
        assertThat(chip.eepromCode()).isEqualTo(0xABC);
    }

    @Test
    void commissioningWaitsUntilRdyBsyReportsTheEepromWriteDone() {
        chip.eepromBusyForReads(3).eeprom(0xFFF, 0b00);
        chip.clearLog();

        Mcp4725Status status = driver.storePowerUpCode(2048, time);

        // DAC + EEPROM command 011, code 0x800; status byte 0x40 = busy (RDY/BSY 0, POR 1), 0xC0 = ready
        assertThat(chip.log()).containsExactly("W 608000", "R 4080000800", "R 4080000800", "R 4080000800",
                "R C080000800");
        assertThat(time.pauses()).as("polled every 5 ms").containsExactly(5_000_000L, 5_000_000L, 5_000_000L);
        assertThat(status).isEqualTo(new Mcp4725Status(true, true, PowerDown.NORMAL, 2048, PowerDown.NORMAL, 2048));
    }

    @Test
    void anEepromWriteStillBusyAfterTwiceTheDatasheetsFiftyMillisecondsFails() {
        chip.eepromBusyForReads(1000);

        assertThatThrownBy(() -> driver.storePowerUpCode(2048, time)).isInstanceOf(HalException.class)
                .hasMessage("MCP4725 on bus 1 at 0x60: the EEPROM write of code 2048 was still busy (RDY/BSY = 0) after"
                        + " 100 ms; the datasheet allows 50 ms");
        assertThat(time.pauses()).as("5 ms apart until more than 100 ms had passed").hasSize(21);
    }

    @Test
    void aDacThatASupplyDipResetToItsEepromCodeIsFoundAndSetRight() {
        driver.setCode(0x6B8);
        chip.powerOnReset();
        assertThat(chip.code()).isEqualTo(0x800);
        chip.clearLog();

        assertThat(driver.verify()).isTrue();

        assertThat(chip.log()).containsExactly("R C080000800", "W 06B8", "R C06B800800");
        assertThat(chip.code()).isEqualTo(0x6B8);
        assertThat(driver.codesRestored()).isEqualTo(1);
        assertThat(driver.verify()).as("holds it now").isFalse();
    }

    @Test
    void aDacThatDoesNotTakeItsCodeFailsNamingTheCodeItHolds() {
        chip.stuckAt(0x800);

        assertThatThrownBy(() -> driver.setCode(0x6B8)).isInstanceOf(HalException.class)
                .hasMessage("MCP4725 on bus 1 at 0x60 does not hold code 1720 (NORMAL): it reads back 2048 (NORMAL)"
                        + " after two writes");
    }

    @Test
    void theStatusReadDecodesTheDacRegisterAndTheEeprom() {
        driver.setCode(0x123);
        driver.storePowerUpCode(0x800, time);
        driver.powerDown(PowerDown.PULL_DOWN_100K, 0x456);

        Mcp4725Status status = driver.readStatus();

        assertThat(status).isEqualTo(new Mcp4725Status(true, true, PowerDown.PULL_DOWN_100K, 0x456, PowerDown.NORMAL, 0x800));
        assertThat(Mcp4725Driver.probe(new I2cChip("MCP4725", chip)).dacCode()).isEqualTo(0x456);
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
