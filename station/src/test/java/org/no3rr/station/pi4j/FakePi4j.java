package org.no3rr.station.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.no3rr.hal.fake.FakeAds1115;
import org.no3rr.hal.fake.FakeI2cProvider;
import org.no3rr.hal.fake.FakeIna226;
import org.no3rr.hal.fake.FakeMcp4725;
import org.no3rr.hal.fake.FakeRig;
import org.no3rr.station.hardware.Pi4jContextFactory;

/**
 * The Pi4J context of the pi4j test profile: the example board's chips as hal's datasheet register
 * models (converting in real time) and Pi4J's mock GPIO, with ch2's ADS1115 (0x49) able to fail on
 * demand, and ch3's potentiostat DAC (0x63) shipped with code 4095 in its EEPROM (not commissioned:
 * ch3's relay is interlocked until {@link Pi4jCommissioningTest} writes it). Enabled only by
 * {@link Pi4jProfile}.
 */
@Alternative
@Singleton
public class FakePi4j implements Pi4jContextFactory {

    private final FakeI2cProvider chips = FakeRig.exampleChips().chip(1, 0x49, FlakyAds1115::new)
            .chip(1, 0x63, (p, c) -> new FakeMcp4725(p, c).eeprom(0xFFF, 0b00).eepromBusyForReads(2));
    private volatile Context context;

    @Override
    public Context create() {
        context = FakeRig.context(chips);
        return context;
    }

    FakeAds1115 adc(int address) {
        return address == 0x49 ? flakyCh2Adc().chip() : chips.opened(1, address, FakeAds1115.class);
    }

    FlakyAds1115 flakyCh2Adc() {
        return chips.opened(1, 0x49, FlakyAds1115.class);
    }

    FakeIna226 ina(int address) {
        return chips.opened(1, address, FakeIna226.class);
    }

    FakeI2cProvider chips() {
        return chips;
    }

    FakeMcp4725 dac(int address) {
        return chips.opened(1, address, FakeMcp4725.class);
    }

    /** A GPIO output's level, by the id the hal gives it, e.g. {@code no3rr-relay-ch1-cell}. */
    DigitalState pin(String id) {
        return context.registry().get(id, DigitalOutput.class).state();
    }
}
