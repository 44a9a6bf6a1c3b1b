package org.no3rr.hal.instrument;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calibration in force for one path, which the station may replace while the channel runs: the
 * instrument reads it at every reading or setpoint, so a new line applies from the next one, with
 * no restart and no rebuilt driver.
 */
public final class LiveCalibration {

    private final AtomicReference<TwoPointCalibration> line;

    public LiveCalibration(TwoPointCalibration initial) {
        this.line = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public static LiveCalibration identity() {
        return new LiveCalibration(TwoPointCalibration.identity());
    }

    public TwoPointCalibration get() {
        return line.get();
    }

    public void set(TwoPointCalibration calibration) {
        line.set(Objects.requireNonNull(calibration, "calibration"));
    }
}
