package org.no3rr.hal.fake;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

/**
 * A Pi4J context for the example board: the mock plugin's GPIO and fake chips at every address of
 * {@code example-board.properties} on bus 1 (ADS1115 0x48–0x4B, MCP4725 0x60–0x65, INA226 0x40–0x41).
 */
public final class FakeRig {

    private FakeRig() {
    }

    public static FakeI2cProvider exampleChips() {
        FakeI2cProvider chips = new FakeI2cProvider();
        for (int a = 0x48; a <= 0x4B; a++) {
            chips.chip(1, a, FakeAds1115::new);
        }
        for (int a = 0x60; a <= 0x65; a++) {
            chips.chip(1, a, FakeMcp4725::new);
        }
        chips.chip(1, 0x40, FakeIna226::new);
        chips.chip(1, 0x41, FakeIna226::new);
        return chips;
    }

    public static Context context(FakeI2cProvider chips) {
        return Pi4J.newContextBuilder()
                .add(MockDigitalOutputProvider.newInstance())
                .add(chips)
                .build();
    }
}
