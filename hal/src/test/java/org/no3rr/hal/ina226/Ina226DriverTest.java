package org.no3rr.hal.ina226;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.no3rr.hal.HalException;
import org.no3rr.hal.fake.FakeI2c;
import org.no3rr.hal.fake.FakeIna226;

/** Datasheet numbers from TI SBOS547: Equation 1, register LSBs, reset value and ID registers. */
class Ina226DriverTest {

    private final FakeIna226 chip = new FakeIna226(null, FakeI2c.onBus1(0x40));

    @ParameterizedTest(name = "Current_LSB {0} A, R_shunt {1} Ω → CAL {2}")
    @CsvSource({
        "0.0001,   0.1,   512",
        "0.000005, 0.5,   2048",
        "0.001,    0.002, 2560",
        "0.00002,  0.1,   2560",
    })
    void theCalibrationWordIsEquationOne(double lsb, double ohms, int expected) {
        assertThat(Ina226Driver.calibrationWord(lsb, ohms)).isEqualTo(expected);
    }

    @Test
    void aCalibrationBeyondFifteenBitsIsRejectedWithTheUsableLsbRange() {
        assertThatThrownBy(() -> Ina226Driver.calibrationWord(1e-7, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside 1 to 32767")
                .hasMessageContaining("choose a current LSB between");
    }

    @Test
    void theDatasheetDefaultsGiveTheResetValue() {
        Ina226Settings defaults = new Ina226Settings(Averaging.SAMPLES_1, ConversionTime.US_1100, ConversionTime.US_1100,
                OperatingMode.SHUNT_AND_BUS_CONTINUOUS, 0.1, 0.0001);

        assertThat(Ina226Driver.configurationWord(defaults)).isEqualTo(0x4127);
        assertThat(Ina226Driver.configurationWord(Ina226Settings.forShunt(0.5, 5e-6))).isEqualTo(0x4527);
    }

    @Test
    void theConstructorChecksTheIdsThenWritesConfigurationAndCalibration() {
        new Ina226Driver(chip, Ina226Settings.forShunt(0.5, 5e-6));

        assertThat(chip.log()).containsExactly("R FE 5449", "R FF 2260", "W 00 4527", "W 05 0800");
    }

    @Test
    void shuntBusAndCurrentRegistersConvertWithTheirLsbs() {
        Ina226Driver driver = new Ina226Driver(chip, Ina226Settings.forShunt(0.5, 5e-6));

        chip.shuntRegister(4000).busRegister(0x2580);
        assertThat(driver.shuntVolts()).as("4000 × 2.5 µV").isEqualTo(0.01);
        assertThat(driver.busVolts()).as("9600 × 1.25 mV").isEqualTo(12.0);
        assertThat(driver.currentAmps()).as("10 mV over 0.5 Ω").isEqualTo(0.02);

        chip.shuntRegister(0xF060);
        assertThat(driver.shuntVolts()).isEqualTo(-0.01);
        assertThat(driver.currentAmps()).isEqualTo(-0.02);
    }

    @Test
    void anotherChipAtTheAddressIsRejectedWithTheIdsItGave() {
        chip.ids(0x1234, 0x2270);

        assertThatThrownBy(() -> new Ina226Driver(chip, Ina226Settings.forShunt(0.5, 5e-6)))
                .isInstanceOf(HalException.class)
                .hasMessage("INA226 on bus 1 at 0x40 is not an INA226: manufacturer ID 0x1234 (expected 0x5449),"
                        + " die ID 0x2270 (expected 0x2260)");
        assertThat(chip.writes()).isEmpty();
    }
}
