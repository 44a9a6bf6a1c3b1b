package org.no3rr.hal.board;

/**
 * How a channel measures its cell's temperature: a sensor on an ADS1115 input (the channel's own
 * ADC by default). A channel without one says so in its board file ({@code temperature.sensor=none})
 * and records no temperature; a configured sensor never reads NaN: a broken one fails the reading.
 */
public sealed interface TemperatureSpec {

    /** Where the sensor's voltage is read. */
    I2cAddress adc();

    AdcInput input();

    /**
     * An NTC thermistor to ground under a series resistor from {@code supplyVolts}:
     * V = Vs·R_T/(R_T + R_s), and 1/T = 1/T25 + ln(R_T/R25)/β.
     */
    record Thermistor(I2cAddress adc, AdcInput input, double r25Ohms, double betaKelvin, double seriesOhms,
                      double supplyVolts) implements TemperatureSpec {
    }

    /** A sensor with a linear voltage output, e.g. an LM35 (10 mV/°C, 0 V at 0 °C) or a TMP36 (10 mV/°C, 0.5 V at 0 °C). */
    record LinearSensor(I2cAddress adc, AdcInput input, double voltsPerDegreeC, double voltsAtZeroDegreesC)
            implements TemperatureSpec {
    }
}
