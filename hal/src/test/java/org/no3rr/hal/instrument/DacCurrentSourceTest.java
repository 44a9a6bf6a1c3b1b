package org.no3rr.hal.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.no3rr.hal.fake.FakeI2c;
import org.no3rr.hal.fake.FakeMcp4725;
import org.no3rr.hal.mcp4725.Mcp4725Driver;

/** I = (Vref·code/4096 − Vref/2)·G with Vref 5 V and G = 25 mA/V (the example board's battery channels). */
class DacCurrentSourceTest {

    private final FakeMcp4725 chip = new FakeMcp4725(null, FakeI2c.onBus1(0x60));
    private final BipolarDacTransfer transfer = new BipolarDacTransfer(5.0, 0.025);
    private final LiveCalibration calibration = LiveCalibration.identity();
    private final DacCurrentSource source = new DacCurrentSource(new Mcp4725Driver(chip, 5.0, 2048), transfer, 0.05,
            calibration);

    @Test
    void theTransferReachesFromCodeZeroToCode4095() {
        assertThat(transfer.minValue()).isEqualTo(-0.0625);
        assertThat(transfer.maxValue()).isEqualTo(2047 * 5.0 / 4096 * 0.025);
        assertThat(transfer.resolution()).isEqualTo(5.0 / 4096 * 0.025);
    }

    @ParameterizedTest(name = "{0} A → code {1}")
    @CsvSource({"0.0, 2048", "0.05, 3686", "-0.05, 410", "0.001, 2081", "-0.00002, 2047"})
    void amperesMapToTheNearestCode(double amps, int code) {
        source.setCurrent(amps);

        assertThat(chip.code()).isEqualTo(code);
        assertThat(source.setpointAmps()).isEqualTo(amps);
    }

    @Test
    void zeroAmpsIsMidScaleAndTheSafeStateWritesItInNormalMode() {
        source.setCurrent(0.03);
        chip.clearLog();

        source.toSafeState();

        assertThat(chip.writes()).containsExactly("W 0800");
        assertThat(source.setpointAmps()).isZero();
    }

    @Test
    void aSetpointBeyondTheRatingIsRejectedWithTheRangeAndNotWritten() {
        chip.clearLog();

        assertThatThrownBy(() -> source.setCurrent(0.0501))
                .hasMessage("current setpoint 0.0501 A is outside the source's range -0.05 A to 0.05 A");
        assertThat(chip.writes()).isEmpty();
    }

    @Test
    void aRatingTheDacCannotReachIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new DacCurrentSource(new Mcp4725Driver(chip, 5.0, 2048), transfer, 0.0625,
                LiveCalibration.identity()))
                .hasMessage("maximum current 0.0625 A is beyond what MCP4725 on bus 1 at 0x60 can set: -0.0625 A to "
                        + transfer.maxValue() + " A");
    }

    @Test
    void anOutputCalibrationCommandsTheNominalCurrentWhoseMeasuredCurrentIsTheSetpoint() {
        // measured = 0.98 × commanded + 0.0002 A: for −20 mA command (−0.02 − 0.0002) / 0.98 = −0.0206122 A
        calibration.set(new TwoPointCalibration(0.98, 0.0002));

        source.setCurrent(-0.02);

        // 2048 + (−0.0206122 / 0.025) × 4096 / 5 = 1372.58 → 1373
        assertThat(chip.code()).isEqualTo(1373);
        assertThat(source.setpointAmps()).isEqualTo(-0.02);
        source.toSafeState();
        // 0 A: command −0.0002 / 0.98 = −0.000204 A → 2048 − 6.69 = 2041.3 → 2041
        assertThat(chip.code()).as("the calibrated zero").isEqualTo(2041);
    }

    @Test
    void aCalibrationThatWouldCommandBeyondTheDacsReachIsRefusedNamingIt() {
        calibration.set(new TwoPointCalibration(0.5, 0.0));

        assertThatThrownBy(() -> source.setCurrent(0.05))
                .hasMessage("current setpoint 0.05 A needs a nominal 0.1 A after the output calibration, beyond MCP4725 on"
                        + " bus 1 at 0x60's reach -0.0625 A to " + transfer.maxValue() + " A: recalibrate the current source");
    }

    @Test
    void theQuantisedSetpointIsWhatTheCodeReallySets() {
        source.setCurrent(0.001);

        assertThat(source.quantisedSetpointAmps()).isEqualTo(33 * 5.0 / 4096 * 0.025);
    }
}
