package org.no3rr.hal.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.no3rr.hal.HalException;

/** A 10 kΩ NTC (β 3435 K) under 10 kΩ from 5.000 V, read at ±4.096 V; an LM35-style linear sensor. */
class TemperatureInputTest {

    private static TemperatureInput thermistorReading(double volts) {
        return TemperatureInput.thermistor(new RawSource("ADS1115 on bus 1 at 0x48, AIN2_GND, ±4.096 V", () -> volts),
                4.096, 10_000, 3435, 10_000, 5.0);
    }

    @Test
    void halfTheSupplyIsR25And25DegreesC() {
        assertThat(thermistorReading(2.5).read()).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void theBetaEquationGivesZeroAndSixtyDegrees() {
        // 0 °C: R = 10 kΩ·exp(3435·(1/273.15 − 1/298.15)) = 28.704 kΩ → V = 5·R/(R + 10 kΩ) = 3.70841 V
        double r0 = 10_000 * Math.exp(3435 * (1 / 273.15 - 1 / 298.15));
        assertThat(thermistorReading(5.0 * r0 / (r0 + 10_000)).read()).isCloseTo(0.0, within(1e-9));
        // 60 °C: R = 10 kΩ·exp(3435·(1/333.15 − 1/298.15)) = 2.980 kΩ → V = 1.14792 V
        double r60 = 10_000 * Math.exp(3435 * (1 / 333.15 - 1 / 298.15));
        assertThat(thermistorReading(5.0 * r60 / (r60 + 10_000)).read()).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void aShortedThermistorFailsNamingTheInputInsteadOfReadingNaN() {
        assertThatThrownBy(() -> thermistorReading(0.02).read()).isInstanceOf(HalException.class)
                .hasMessage("temperature: the thermistor on ADS1115 on bus 1 at 0x48, AIN2_GND, ±4.096 V reads 0.02 V,"
                        + " at or below 0.05 V: shorted or not supplied");
    }

    @Test
    void aLinearSensorSubtractsItsOffsetAndDividesByItsSlope() {
        TemperatureInput tmp36 = TemperatureInput.linear(new RawSource("x", () -> 0.75), 2.048, 0.01, 0.5);

        assertThat(tmp36.read()).isCloseTo(25.0, within(1e-12));
        assertThat(tmp36.unit()).isEqualTo("°C");
    }
}
