package org.no3rr.hal.fake;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

/**
 * A Pi4J context for the example board: the mock plugin's GPIO and fake chips at every address of
 * {@code example-board.properties} on bus 1 (ADS1115 0x48–0x4B, MCP4725 0x60–0x65, INA226 0x40–0x43).
 * The chips convert in real time unless given a {@link FakeTime}.
 */
public final class FakeRig {

    private FakeRig() {
    }

    /** The example board's chips on the fake time: the drivers must wait on the same {@code time}. */
    public static FakeI2cProvider exampleChips(FakeTime time) {
        return exampleChips().time(time::nanoTime);
    }

    public static FakeI2cProvider exampleChips() {
        FakeI2cProvider chips = new FakeI2cProvider();
        for (int a = 0x48; a <= 0x4B; a++) {
            chips.chip(1, a, FakeRig::adcAt25DegreesC);
        }
        for (int a = 0x60; a <= 0x65; a++) {
            chips.chip(1, a, FakeMcp4725::new);
        }
        for (int a = 0x40; a <= 0x43; a++) {
            chips.chip(1, a, FakeIna226::new);
        }
        return chips;
    }

    /**
     * An ADS1115 whose thermistor input (AIN2, 10 kΩ NTC under 10 kΩ from 5.000 V) reads 2.5 V:
     * R_T = R25, so 25 °C.
     */
    public static FakeAds1115 adcAt25DegreesC(com.pi4j.io.i2c.I2CProvider provider, com.pi4j.io.i2c.I2CConfig config) {
        return new FakeAds1115(provider, config).input(org.no3rr.hal.ads1115.Mux.AIN2_GND, 2.5);
    }

    public static Context context(FakeI2cProvider chips) {
        return Pi4J.newContextBuilder()
                .add(MockDigitalOutputProvider.newInstance())
                .add(chips)
                .build();
    }
}
