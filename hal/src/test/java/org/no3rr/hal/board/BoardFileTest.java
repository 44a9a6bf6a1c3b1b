package org.no3rr.hal.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.ads1115.DataRate;
import org.no3rr.hal.ads1115.Gain;
import org.no3rr.hal.ads1115.Mux;

class BoardFileTest {

    private static Properties example() {
        try (InputStream in = BoardFile.class.getResourceAsStream(BoardFile.EXAMPLE_RESOURCE)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> errorsOf(Properties p) {
        return catchThrowableOfType(BoardFileException.class, () -> BoardFile.parse("test.properties", p)).errors();
    }

    @Test
    void theExampleBoardIsTheReferenceRig() {
        BoardFile board = BoardFile.example();

        assertThat(board.name()).isEqualTo("NO3RR reference rig (2 batteries + 2 H-cells)");
        assertThat(board.id()).isEqualTo("no3rr-ref-0001");
        assertThat(board.channels()).extracting(ChannelSpec::id).containsExactly("ch1", "ch2", "ch3", "ch4");
        assertThat(board.channels()).extracting(ChannelSpec::kind).containsExactly(CellKind.ZN_NITRATE_BATTERY,
                CellKind.ZN_NITRATE_BATTERY, CellKind.H_CELL_ELECTROLYSIS, CellKind.H_CELL_ELECTROLYSIS);
        assertThat(board.watchdog()).contains(new WatchdogSpec(5, 250));

        ChannelSpec ch1 = board.channel("ch1");
        // resolution: the coarser of the INA226's 2.5 µA current LSB and its 2.5 µV shunt LSB over 1 Ω
        assertThat(ch1.ratings()).isEqualTo(new ChannelRatings(0.05, 0.0, 2.6, 2.5e-6,
                ChannelRatings.Compliance.defaultFor(0.05)));
        assertThat(ch1.adc()).isEqualTo(new I2cAddress(1, 0x48));
        assertThat(ch1.adcRate()).isEqualTo(DataRate.SPS_128);
        assertThat(ch1.voltage()).isEqualTo(new AdcInput(Mux.AIN0_AIN1, Gain.FS_0_512V));
        assertThat(ch1.voltageDivider()).isEqualTo(6.0);
        assertThat(ch1.current()).isEqualTo(new CurrentSensing.Ina226Shunt(new I2cAddress(1, 0x40), 1.0, 2.5e-6));
        assertThat(ch1.currentDac()).isEqualTo(new DacOutput(new I2cAddress(1, 0x60), 5.0, 0.025));
        assertThat(ch1.relay()).isEqualTo(new RelayPin(17, true));
        assertThat(ch1.potentiostat()).isEmpty();
        assertThat(ch1.temperature()).contains(new TemperatureSpec.Thermistor(new I2cAddress(1, 0x48),
                new AdcInput(Mux.AIN2_GND, Gain.FS_4_096V), 10_000, 3435, 10_000, 5.0));

        ChannelSpec ch3 = board.channel("ch3");
        assertThat(ch3.ratings()).isEqualTo(new ChannelRatings(0.1, -3.0, 3.0, 5e-6, ChannelRatings.Compliance.defaultFor(0.1)));
        assertThat(ch3.current()).isEqualTo(new CurrentSensing.Ina226Shunt(new I2cAddress(1, 0x42), 0.5, 5e-6));
        assertThat(ch3.potentiostat()).contains(new PotentiostatSpec(new AdcInput(Mux.AIN0_AIN1, Gain.FS_0_512V), 6.0,
                new DacOutput(new I2cAddress(1, 0x63), 5.0, 1.5), new RelayPin(23, true)));
        assertThat(board.freeAddress(1)).as("the highest address no chip uses, for a bus clear").isEqualTo(0x77);
    }

    @Test
    void theExampleBoardsCurrentInputsReadLinearlyBeyondTheirSourcesReach() {
        BoardFile board = BoardFile.example();

        // the current register's 32767 × 2.5 µA (just under 81.92 mV / 1 Ω) against 1.25 × 62.5 mA = 78.125 mA;
        // 32767 × 5 µA (just under 81.92 mV / 0.5 Ω) against 1.25 × 125 mA = 156.25 mA
        assertThat(board.channel("ch1").current().linearRangeAmps()).isEqualTo(32767 * 2.5e-6);
        assertThat(board.channel("ch3").current().linearRangeAmps()).isEqualTo(32767 * 5e-6);
    }

    @Test
    void addressesOutsideEachChipsRangeNameTheEntryAndTheRange() {
        Properties p = example();
        p.setProperty("channel.ch2.adc.address", "0x4C");
        p.setProperty("channel.ch2.dac.address", "0x58");
        p.setProperty("channel.ch3.ina226.address", "0x50");

        assertThat(errorsOf(p)).containsExactlyInAnyOrder(
                "channel.ch2.adc.address = 0x4C is not an ADS1115 address: allowed 0x48 to 0x4B",
                "channel.ch2.dac.address = 0x58 is not an MCP4725 address: allowed 0x60 to 0x67",
                "channel.ch3.ina226.address = 0x50 is not an INA226 address: allowed 0x40 to 0x4F");
    }

    @Test
    void aPinOrAnAddressUsedTwiceNamesBothEntries() {
        Properties p = example();
        p.setProperty("channel.ch2.relay.pin", "17");
        p.setProperty("watchdog.pin", "23");
        p.setProperty("channel.ch4.dac.address", "0x62");

        assertThat(errorsOf(p)).containsExactlyInAnyOrder(
                "channel.ch2.relay.pin = 17 is already used by channel.ch1.relay.pin: every relay and the heartbeat need their own GPIO",
                "watchdog.pin = 23 is already used by channel.ch3.mode-relay.pin: every relay and the heartbeat need their own GPIO",
                "channel.ch4.dac.address = bus 1 at 0x62 is already used by channel.ch3.dac.address: every chip needs its own address on a bus");
    }

    @Test
    void theSameAddressOnAnotherBusIsAnotherChip() {
        Properties p = example();
        p.setProperty("channel.ch2.adc.bus", "3");
        p.setProperty("channel.ch2.adc.address", "0x48");

        BoardFile board = BoardFile.parse("test", p);

        assertThat(board.channel("ch2").adc()).isEqualTo(new I2cAddress(3, 0x48));
        assertThat(board.channel("ch2").currentDac().address()).as("DAC follows the ADC's bus").isEqualTo(new I2cAddress(3, 0x61));
    }

    @Test
    void unknownAndMissingKeysAreNamed() {
        Properties p = example();
        p.setProperty("channel.ch1.adc.adress", "0x48");
        p.remove("channel.ch2.relay.pin");
        p.remove("channel.ch4.kind");

        assertThat(errorsOf(p)).containsExactlyInAnyOrder(
                "unknown key channel.ch1.adc.adress: see docs/hardware.md for the board-file keys",
                "missing channel.ch2.relay.pin (BCM GPIO number)",
                "missing channel.ch4.kind (zn-nitrate-battery or h-cell)",
                // without a kind, ch4's three-electrode keys cannot be placed
                "unknown key channel.ch4.mode-relay.active-low: see docs/hardware.md for the board-file keys",
                "unknown key channel.ch4.mode-relay.pin: see docs/hardware.md for the board-file keys",
                "unknown key channel.ch4.potential.dac.address: see docs/hardware.md for the board-file keys",
                "unknown key channel.ch4.potential.divider: see docs/hardware.md for the board-file keys",
                "unknown key channel.ch4.potential.gain: see docs/hardware.md for the board-file keys",
                "unknown key channel.ch4.potential.mux: see docs/hardware.md for the board-file keys",
                "unknown key channel.ch4.potential.setpoint-gain: see docs/hardware.md for the board-file keys");
    }

    @Test
    void badValuesSayWhatIsAllowed() {
        Properties p = example();
        p.setProperty("channel.ch1.voltage.mux", "AIN1_AIN2");
        p.setProperty("channel.ch1.voltage.gain", "5");
        p.setProperty("channel.ch1.adc.rate-sps", "100");
        p.setProperty("channel.ch2.kind", "battery");
        p.setProperty("channel.ch2.relay.active-low", "yes");
        p.setProperty("channel.ch2.relay.pin", "40");

        assertThat(errorsOf(p)).containsExactlyInAnyOrder(
                "channel.ch1.voltage.mux = AIN1_AIN2: ADS1115 input AIN1_AIN2 is not one of AIN0_AIN1, AIN0_AIN3, AIN1_AIN3, AIN2_AIN3,"
                        + " AIN0_GND, AIN1_GND, AIN2_GND, AIN3_GND",
                "channel.ch1.voltage.gain = 5: ADS1115 full scale 5.0 V is not one of 6.144, 4.096, 2.048, 1.024, 0.512, 0.256 (V)",
                "channel.ch1.adc.rate-sps = 100: ADS1115 data rate 100 SPS is not one of 8, 16, 32, 64, 128, 250, 475, 860 (SPS)",
                "channel.ch2.kind = battery: allowed: zn-nitrate-battery or h-cell",
                "channel.ch2.relay.active-low = yes must be true or false",
                "channel.ch2.relay.pin = 40 is not allowed: BCM GPIO number, 0 to 27");
    }

    @Test
    void ratingsMustFitTheDacAndTheAdcFullScale() {
        Properties p = example();
        p.setProperty("channel.ch1.max-current-a", "0.09");
        p.setProperty("channel.ch2.max-voltage-v", "4.5");
        p.setProperty("channel.ch3.potential.setpoint-gain", "1.0");
        p.setProperty("channel.ch4.potential.divider", "5");

        assertThat(errorsOf(p)).containsExactlyInAnyOrder(
                "channel.ch1.max-current-a = 0.09 is beyond the current source's reach -0.0625 A to 0.062469482421875 A;"
                        + " raise channel.ch1.dac.transconductance-a-per-v",
                "channel.ch2.voltage.gain = 0.512 is too small: the voltage window reaches 0.75 V at the ADC pins;"
                        + " choose a larger full scale or divider",
                "channel.ch3.min-voltage-v/max-voltage-v = -3.0 V to 3.0 V is beyond the potentiostat setpoint's reach"
                        + " -2.5 V to 2.498779296875 V; raise channel.ch3.potential.setpoint-gain",
                "channel.ch4.potential.gain = 0.512 is too small: the potential window reaches 0.6 V at the ADC pins;"
                        + " choose a larger full scale or potential.divider");
    }

    @Test
    void currentSensingNarrowerThan125PercentOfTheSourcesReachIsRefused() {
        Properties p = example();
        p.setProperty("channel.ch1.ina226.shunt-ohm", "1.2");
        // The old reference rig: an INA240A2 (50 V/V) on 5 V around a 2.5 V reference swings ±2.3 V linearly.
        for (String key : List.of("address", "shunt-ohm", "current-lsb-a")) {
            p.remove("channel.ch2.ina226." + key);
        }
        p.setProperty("channel.ch2.current.sensor", "adc");
        p.setProperty("channel.ch2.current.mux", "AIN2_AIN3");
        p.setProperty("channel.ch2.current.gain", "4.096");
        p.setProperty("channel.ch2.current.shunt-ohm", "1.0");
        p.setProperty("channel.ch2.current.amplifier-gain", "50");
        p.setProperty("channel.ch2.current.linear-swing-v", "2.3");

        assertThat(errorsOf(p)).containsExactlyInAnyOrder(
                "channel.ch1.ina226.*: the INA226 with a 1.2 Ω shunt reads the current linearly to ±" + 0.08192 / 1.2
                        + " A, less than 1.25 × the current source's reach of ±0.0625 A = ±0.078125 A: an overcurrent would"
                        + " read clipped and no limit could trip; choose a smaller shunt, gain or current LSB, or a smaller"
                        + " channel.ch1.dac.transconductance-a-per-v",
                "channel.ch2.current.*: a 50.0 V/V amplifier on a 1.0 Ω shunt into the ADS1115 at ±4.096 V reads the"
                        + " current linearly to ±" + 2.3 / 50 + " A, less than 1.25 × the current source's reach of"
                        + " ±0.0625 A = ±0.078125 A: an overcurrent would read clipped and no limit could trip; choose a"
                        + " smaller shunt, gain or current LSB, or a smaller channel.ch2.dac.transconductance-a-per-v");
    }

    @Test
    void resolutionAndComplianceHaveHardwareDefaultsAndCanOnlyBeMadeCoarser() {
        Properties p = example();
        p.setProperty("channel.ch1.current-resolution-a", "0.00001");
        p.setProperty("channel.ch1.compliance.current-tolerance-a", "0.0005");
        p.setProperty("channel.ch1.compliance.potential-tolerance-v", "0.05");
        p.setProperty("channel.ch1.compliance.readings", "5");

        ChannelRatings ratings = BoardFile.parse("test", p).channel("ch1").ratings();

        assertThat(ratings.currentResolutionAmps()).isEqualTo(1e-5);
        assertThat(ratings.compliance()).isEqualTo(new ChannelRatings.Compliance(0.0005, 0.05, 5));

        p.setProperty("channel.ch1.current-resolution-a", "0.000001");
        p.setProperty("channel.ch2.compliance.readings", "0");
        assertThat(errorsOf(p)).containsExactlyInAnyOrder(
                "channel.ch1.current-resolution-a = 1.0E-6 is finer than one count of the current input, 2.5E-6 A"
                        + " (the INA226 with a 1.0 Ω shunt): the channel cannot tell currents apart that closely",
                "channel.ch2.compliance.readings = 0 is not allowed: consecutive readings out of tolerance that fault"
                        + " the run, 1 to 100");
    }

    @Test
    void aTemperatureSensorIsNamedOrSaidToBeAbsent() {
        Properties p = example();
        p.setProperty("channel.ch2.temperature.sensor", "none");
        for (String key : List.of("mux", "gain", "supply-v")) {
            p.remove("channel.ch2.temperature." + key);
        }
        p.setProperty("channel.ch3.temperature.sensor", "linear");
        p.setProperty("channel.ch3.temperature.volts-per-degc", "0.01");
        p.setProperty("channel.ch3.temperature.volts-at-0c", "0.5");
        p.remove("channel.ch3.temperature.supply-v");

        BoardFile board = BoardFile.parse("test", p);

        assertThat(board.channel("ch2").temperature()).isEmpty();
        assertThat(board.channel("ch3").temperature()).contains(new TemperatureSpec.LinearSensor(new I2cAddress(1, 0x4A),
                new AdcInput(Mux.AIN2_GND, Gain.FS_4_096V), 0.01, 0.5));

        p.setProperty("channel.ch4.temperature.sensor", "pt100");
        p.setProperty("channel.ch2.temperature.mux", "AIN2_GND");
        p.remove("channel.ch1.temperature.supply-v");
        assertThat(errorsOf(p)).containsExactlyInAnyOrder(
                "channel.ch2.temperature.mux is not allowed here: temperature.sensor is none",
                "missing channel.ch1.temperature.supply-v (voltage across series resistor and thermistor in V)",
                "channel.ch4.temperature.sensor = pt100 is not allowed: none, thermistor or linear",
                "channel.ch4.temperature.mux is not allowed here: temperature.sensor is not valid",
                "channel.ch4.temperature.gain is not allowed here: temperature.sensor is not valid",
                "channel.ch4.temperature.supply-v is not allowed here: temperature.sensor is not valid");
    }

    @Test
    void aBatteryChannelHasNoPotentiostatAndAnIna226ChannelNoAdcCurrentKeys() {
        Properties p = example();
        p.setProperty("channel.ch1.potential.mux", "AIN0_AIN1");
        p.setProperty("channel.ch2.current.mux", "AIN2_AIN3");

        assertThat(errorsOf(p)).containsExactlyInAnyOrder(
                "channel.ch1.potential.mux is not allowed here: only an h-cell channel has a potentiostat",
                "channel.ch2.current.mux is not allowed here: with current.sensor=ina226 the current is configured under"
                        + " channel.ch2.ina226.*");
    }

    @Test
    void anEmptyFileAsksForAChannelAndABadIdIsExplained() {
        assertThat(errorsOf(new Properties())).containsExactly(
                "no channel: add channel.<id>.* entries, e.g. channel.ch1.kind=zn-nitrate-battery");

        Properties p = example();
        p.setProperty("channel.Ch5.kind", "h-cell");
        assertThat(errorsOf(p)).containsExactly(
                "channel id 'Ch5' must be lower-case letters, digits and '-', starting with a letter (e.g. ch1)");
    }

    @Test
    void theExceptionMessageListsEveryErrorWithTheSource() {
        Properties p = example();
        p.setProperty("channel.ch1.adc.address", "72x");
        p.setProperty("watchdog.toggle-interval-ms", "5");

        BoardFileException e = catchThrowableOfType(BoardFileException.class, () -> BoardFile.parse("rig.properties", p));

        assertThat(e).hasMessage("board file rig.properties has 2 error(s):\n"
                + "  - channel.ch1.adc.address = 72x is not an ADS1115 address: allowed 0x48 to 0x4B\n"
                + "  - watchdog.toggle-interval-ms = 5 is not allowed: how often the station toggles the heartbeat, in ms, 10 to 60000");
    }

    @Test
    void optionalKeysHaveDocumentedDefaults() {
        Properties p = new Properties();
        p.setProperty("channel.b1.kind", "zn-nitrate-battery");
        p.setProperty("channel.b1.max-current-a", "0.01");
        p.setProperty("channel.b1.min-voltage-v", "0");
        p.setProperty("channel.b1.max-voltage-v", "2");
        p.setProperty("channel.b1.adc.address", "72");
        p.setProperty("channel.b1.voltage.mux", "AIN0_GND");
        p.setProperty("channel.b1.voltage.gain", "2.048");
        p.setProperty("channel.b1.current.mux", "AIN2_AIN3");
        p.setProperty("channel.b1.current.gain", "1.024");
        p.setProperty("channel.b1.current.shunt-ohm", "1");
        p.setProperty("channel.b1.current.amplifier-gain", "10");
        p.setProperty("channel.b1.current.linear-swing-v", "2.0");
        p.setProperty("channel.b1.dac.address", "0x67");
        p.setProperty("channel.b1.dac.transconductance-a-per-v", "0.01");
        p.setProperty("channel.b1.relay.pin", "4");

        BoardFile minimal = BoardFile.parse("minimal", p);
        ChannelSpec b1 = minimal.channel("b1");

        assertThat(b1.adc()).isEqualTo(new I2cAddress(1, 0x48));
        assertThat(b1.adcRate()).isEqualTo(DataRate.SPS_128);
        assertThat(b1.voltageDivider()).isEqualTo(1.0);
        assertThat(b1.currentDac()).isEqualTo(new DacOutput(new I2cAddress(1, 0x67), 5.0, 0.01));
        assertThat(b1.relay()).isEqualTo(new RelayPin(4, false));
        assertThat(b1.temperature()).isEmpty();
        // one count of ±1.024 V over 10 V/V × 1 Ω; 2 % of 10 mA, 20 mV, 3 readings
        assertThat(b1.ratings()).isEqualTo(new ChannelRatings(0.01, 0.0, 2.0, 1.024 / 32768 / 10,
                new ChannelRatings.Compliance(0.02 * 0.01, 0.020, 3)));
        assertThat(minimal.watchdog()).isEqualTo(Optional.empty());
        assertThat(minimal.id()).as("the name when board.id is absent").isEqualTo("minimal");
    }
}
