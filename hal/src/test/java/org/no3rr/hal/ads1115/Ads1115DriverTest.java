package org.no3rr.hal.ads1115;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.no3rr.hal.HalException;
import org.no3rr.hal.fake.FakeAds1115;
import org.no3rr.hal.fake.FakeI2c;
import org.no3rr.hal.fake.FakeTime;
import org.no3rr.hal.i2c.I2cChip;
import org.no3rr.hal.i2c.Pacer;

/** Datasheet numbers from TI SBAS444: config register layout, full-scale table, conversion coding. */
class Ads1115DriverTest {

    private final FakeAds1115 chip = new FakeAds1115(null, FakeI2c.onBus1(0x48));
    private final FakeTime time = new FakeTime();
    private final Ads1115Driver driver = new Ads1115Driver(chip, time);

    private List<Long> pauses() {
        return time.pauses();
    }

    @Test
    void theConstructorLeavesTheChipIdleInSingleShotWithTheComparatorDisabled() {
        assertThat(chip.writes()).containsExactly("W 01 0583");
        assertThat(pauses()).isEmpty();
    }

    @ParameterizedTest(name = "{0}, ±{1} V, {2} SPS → {3}")
    @CsvSource({
        "AIN0_GND,  4.096, 128, C383",
        "AIN0_AIN1, 6.144,   8, 8103",
        "AIN2_AIN3, 0.256, 860, BBE3",
        "AIN3_GND,  2.048, 475, F5C3",
        "AIN1_AIN3, 1.024,  16, A723",
    })
    void theConfigWordCarriesOsMuxPgaModeDrAndComparatorDisabled(Mux mux, double fs, int sps, String hex) {
        int word = Ads1115Driver.configWord(mux, Gain.ofFullScale(fs), DataRate.ofSamplesPerSecond(sps));

        assertThat(word).isEqualTo(Integer.parseInt(hex, 16));
    }

    @Test
    void aConversionWritesTheConfigWaitsOnePeriodPollsOsThenReadsTheConversionRegister() {
        chip.clearLog();
        chip.input(Mux.AIN0_GND, 1.0);

        double volts = driver.readVolts(Mux.AIN0_GND, Gain.FS_4_096V, DataRate.SPS_128);

        assertThat(chip.log()).containsExactly("W 01 C383", "R 01 C383", "R 00 1F40");
        assertThat(volts).isEqualTo(1.0);
        assertThat(pauses()).containsExactly(7_812_500L);
    }

    @Test
    void fullScaleCodesReadAsTheDatasheetSays() {
        chip.forceCode(0x7FFF);
        assertThat(driver.readVolts(Mux.AIN0_GND, Gain.FS_4_096V, DataRate.SPS_860)).isEqualTo(4.096 * 32767 / 32768);
        chip.forceCode(0x8000);
        assertThat(driver.readVolts(Mux.AIN0_AIN1, Gain.FS_4_096V, DataRate.SPS_860)).isEqualTo(-4.096);
        chip.forceCode(0x0001);
        assertThat(driver.readVolts(Mux.AIN0_AIN1, Gain.FS_4_096V, DataRate.SPS_860)).as("one LSB is 125 µV").isEqualTo(125e-6);
        chip.forceCode(0xFFFF);
        assertThat(driver.convert(Mux.AIN0_AIN1, Gain.FS_4_096V, DataRate.SPS_860)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "±{0} V: code 0x4000 reads {1} V, one LSB {2} V")
    @CsvSource({
        "6.144, 3.072,  0.0001875",
        "2.048, 1.024,  0.0000625",
        "1.024, 0.512,  0.00003125",
        "0.512, 0.256,  0.000015625",
        "0.256, 0.128,  0.0000078125",
    })
    void halfScaleAndOneLsbAtEveryGain(double fs, double half, double lsb) {
        Gain gain = Gain.ofFullScale(fs);

        assertThat(Ads1115Driver.volts(0x4000, gain)).isEqualTo(half);
        assertThat(Ads1115Driver.volts(1, gain)).isEqualTo(lsb);
    }

    @Test
    void theFakeSaturatesLikeTheChipAndTheDriverReportsFullScale() {
        chip.input(Mux.AIN2_AIN3, -3.0);

        assertThat(driver.readVolts(Mux.AIN2_AIN3, Gain.FS_2_048V, DataRate.SPS_128)).isEqualTo(-2.048);
    }

    @Test
    void aBusyChipIsPolledAnEighthOfAPeriodApart() {
        chip.busyForPolls(3).input(Mux.AIN1_GND, 0.5);

        double volts = driver.readVolts(Mux.AIN1_GND, Gain.FS_1_024V, DataRate.SPS_8);

        assertThat(volts).isEqualTo(0.5);
        assertThat(pauses()).containsExactly(125_000_000L, 15_625_000L, 15_625_000L, 15_625_000L);
    }

    @Test
    void aConversionThatNeverFinishesFailsNamingTheChipAfterABoundedNumberOfPolls() {
        chip.busyForPolls(Integer.MAX_VALUE);

        assertThatThrownBy(() -> driver.convert(Mux.AIN0_GND, Gain.FS_4_096V, DataRate.SPS_128))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("ADS1115 on bus 1 at 0x48")
                .hasMessageContaining("did not finish within 3 data periods of 128 SPS");
        assertThat(pauses()).hasSize(1 + Ads1115Driver.MAX_POLLS);
    }

    @Test
    void aChipThatStopsAnsweringFailsNamingPartBusAndAddress() {
        chip.unplug();

        assertThatThrownBy(() -> driver.convert(Mux.AIN0_GND, Gain.FS_4_096V, DataRate.SPS_128))
                .isInstanceOf(HalException.class)
                .hasMessageStartingWith("ADS1115 on bus 1 at 0x48: writing register 0x01 failed: Remote I/O error");
    }

    @Test
    void aChannelIsOneMuxInputAtAFixedGainAndRate() {
        chip.input(Mux.AIN2_AIN3, 0.25);
        Ads1115Channel channel = driver.channel(Mux.AIN2_AIN3, Gain.FS_0_512V, DataRate.SPS_250);
        chip.clearLog();

        assertThat(channel.readVolts()).isEqualTo(0.25);
        assertThat(chip.writes()).containsExactly("W 01 B9A3");
        assertThat(channel.describe()).isEqualTo("ADS1115 on bus 1 at 0x48, AIN2_AIN3, ±0.512 V");
    }

    @Test
    void anAds1115IsStillConvertingAt8SpsAfter20MsAndIsLeftIdleAfterItsConversion() {
        FakeAds1115 real = new FakeAds1115(null, FakeI2c.onBus1(0x49)).time(time::nanoTime);

        Ads1115Driver.identify(new I2cChip("ADS1115", real), time);

        // AIN0–GND, ±6.144 V, single-shot, DR 000, comparator off: 0xC103; 125 ms at 8 SPS
        assertThat(real.writes()).containsExactly("W 01 C103");
        assertThat(real.conversions()).isEqualTo(1);
        assertThat(pauses()).as("20 ms, then polls an eighth of 125 ms apart until 20 + 7 × 15.625 ≥ 125 ms")
                .containsExactly(20_000_000L, 15_625_000L, 15_625_000L, 15_625_000L, 15_625_000L, 15_625_000L,
                        15_625_000L, 15_625_000L);
        assertThat(real.log().get(real.log().size() - 1)).as("done: OS reads 1").isEqualTo("R 01 C103");
    }

    @Test
    void anAds1015AnsweringAtTheAddressIsRefusedBecauseDataRate000IsItsFastest128Sps() {
        FakeAds1115 cheap = new FakeAds1115(null, FakeI2c.onBus1(0x49)).time(time::nanoTime).asAds1015();

        assertThatThrownBy(() -> Ads1115Driver.identify(new I2cChip("ADS1115", cheap), time))
                .isInstanceOf(HalException.class)
                .hasMessage("ADS1115 on bus 1 at 0x49 is not an ADS1115: a conversion at data-rate code 000 was done within"
                        + " 20 ms, where an ADS1115 takes 125 ms (8 SPS ± 10 %) and an ADS1015 (12-bit) 7.8 ms (128 SPS);"
                        + " fit an ADS1115");
        assertThat(cheap.conversions()).isEqualTo(1);
    }

    @Test
    void aCheckTheSchedulerStretchedBeyondTheAds1115sFastestConversionIsRepeated() {
        FakeAds1115 real = new FakeAds1115(null, FakeI2c.onBus1(0x49)).time(time::nanoTime);
        // A pacer whose first wait oversleeps to 130 ms, as a loaded machine might.
        Pacer late = new Pacer() {
            private boolean first = true;

            @Override
            public void pause(long nanos) {
                time.pause(first ? 130_000_000L : nanos);
                first = false;
            }

            @Override
            public long nanoTime() {
                return time.nanoTime();
            }
        };

        Ads1115Driver.identify(new I2cChip("ADS1115", real), late);

        assertThat(real.conversions()).as("the late check proved nothing; the second one did").isEqualTo(2);
    }

    @Test
    void boardFileSpellingsOfGainAndRateAreCheckedWithTheAllowedValues() {
        assertThatThrownBy(() -> Gain.ofFullScale(3.3))
                .hasMessage("ADS1115 full scale 3.3 V is not one of 6.144, 4.096, 2.048, 1.024, 0.512, 0.256 (V)");
        assertThatThrownBy(() -> DataRate.ofSamplesPerSecond(100))
                .hasMessage("ADS1115 data rate 100 SPS is not one of 8, 16, 32, 64, 128, 250, 475, 860 (SPS)");
    }
}
