package org.no3rr.hal.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TwoPointCalibrationTest {

    @Test
    void twoPointsFixGainAndOffset() {
        // nominal 0.100 V reads 0.102 V on the reference meter, nominal 2.000 V reads 2.010 V
        TwoPointCalibration cal = TwoPointCalibration.fromPoints(0.100, 0.102, 2.000, 2.010);

        assertThat(cal.gain()).isCloseTo(1.908 / 1.9, within(1e-15));
        assertThat(cal.offset()).isCloseTo(0.102 - 0.1 * 1.908 / 1.9, within(1e-15));
        assertThat(cal.apply(0.100)).isCloseTo(0.102, within(1e-15));
        assertThat(cal.apply(2.000)).isCloseTo(2.010, within(1e-15));
    }

    @Test
    void theIdentityChangesNothing() {
        assertThat(TwoPointCalibration.identity()).isEqualTo(new TwoPointCalibration(1.0, 0.0));
        assertThat(TwoPointCalibration.identity().apply(-0.123)).isEqualTo(-0.123);
        assertThat(TwoPointCalibration.identity().isIdentity()).isTrue();
    }

    @Test
    void twoPointsAtTheSameReadingCannotFixALine() {
        assertThatThrownBy(() -> TwoPointCalibration.fromPoints(1.0, 1.0, 1.0, 1.1))
                .hasMessageStartingWith("calibration points need two different readings, both were 1.0");
        assertThatThrownBy(() -> TwoPointCalibration.fromPoints(0.0, 1.0, 1.0, 1.0))
                .hasMessage("calibration gain must be a finite, non-zero number, was 0.0");
        assertThatThrownBy(() -> TwoPointCalibration.fromPoints(0.0, Double.NaN, 1.0, 1.0))
                .hasMessageStartingWith("calibration points must be finite");
    }
}
