package org.no3rr.hal.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.HalException;

class CalibratedInputTest {

    private final AtomicInteger reads = new AtomicInteger();

    private RawSource volts(double value) {
        return new RawSource("ADS1115 on bus 1 at 0x48, AIN0_AIN1, ±4.096 V", () -> {
            reads.incrementAndGet();
            return value;
        });
    }

    @Test
    void cellVoltageMultipliesByTheDividerRatio() {
        CalibratedInput input = CalibratedInput.cellVoltage(volts(1.25), 2.0, LiveCalibration.identity());

        assertThat(input.read()).isEqualTo(2.5);
        assertThat(input.name()).isEqualTo("cell voltage");
        assertThat(input.unit()).isEqualTo("V");
    }

    @Test
    void shuntCurrentDividesByAmplifierGainAndShunt() {
        // 1 Ω shunt, 50 V/V: 2.5 V at the ADC is 50 mA; −0.5 V is −10 mA
        assertThat(CalibratedInput.shuntCurrent(volts(2.5), 1.0, 50, LiveCalibration.identity()).read()).isEqualTo(0.05);
        assertThat(CalibratedInput.shuntCurrent(volts(-0.5), 1.0, 50, LiveCalibration.identity()).read()).isEqualTo(-0.01);
    }

    @Test
    void theCalibrationAppliesAfterTheNominalTransferOnEveryRead() {
        CalibratedInput input = CalibratedInput.cellVoltage(volts(1.0), 1.0, new LiveCalibration(new TwoPointCalibration(1.01, -0.002)));

        assertThat(input.read()).isEqualTo(1.01 * 1.0 - 0.002);
        input.read();
        assertThat(reads).as("never cached").hasValue(2);
    }

    @Test
    void aNewCalibrationAppliesFromTheNextReadWithoutANewInstrument() {
        LiveCalibration calibration = LiveCalibration.identity();
        CalibratedInput input = CalibratedInput.cellVoltage(volts(0.25), 6.0, calibration);
        assertThat(input.read()).isEqualTo(1.5);

        calibration.set(new TwoPointCalibration(1.01, -0.005));

        assertThat(input.read()).isEqualTo(1.01 * 1.5 - 0.005);
        assertThat(input.calibration()).isEqualTo(new TwoPointCalibration(1.01, -0.005));
    }

    @Test
    void theElectrodePotentialScalesByItsAttenuator() {
        // ±3 V through a ÷6 attenuator is ±0.5 V at the pins
        assertThat(CalibratedInput.electrodePotential(volts(-0.125), 6.0, LiveCalibration.identity()).read()).isEqualTo(-0.75);
    }

    @Test
    void aFailedReadNamesTheInstrumentAndKeepsTheChipsMessage() {
        CalibratedInput input = CalibratedInput.electrodePotential(new RawSource("x", () -> {
            throw new HalException("ADS1115 on bus 1 at 0x4A: reading register 0x01 failed: Remote I/O error");
        }), 1.0, LiveCalibration.identity());

        assertThatThrownBy(input::read).isInstanceOf(HalException.class)
                .hasMessage("working-electrode potential: ADS1115 on bus 1 at 0x4A: reading register 0x01 failed: Remote I/O error");
    }
}
