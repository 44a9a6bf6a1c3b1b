package org.no3rr.hal.instrument;

import java.util.Objects;
import org.no3rr.hal.AnalogInput;
import org.no3rr.hal.HalException;

/**
 * An instrument on a chip channel: reading = calibration(scale × raw). The scale is the nominal
 * transfer of the analog front end (a divider, a shunt and its amplifier); the calibration corrects
 * what the nominal parts get wrong, and the station may replace it at any time ({@link LiveCalibration}).
 * Every {@link #read()} is a fresh conversion.
 */
public final class CalibratedInput implements AnalogInput {

    private final String name;
    private final String unit;
    private final RawSource source;
    private final double scale;
    private final LiveCalibration calibration;

    public CalibratedInput(String name, String unit, RawSource source, double scale, LiveCalibration calibration) {
        if (!Double.isFinite(scale) || scale == 0.0) {
            throw new IllegalArgumentException(name + ": scale must be finite and non-zero, was " + scale);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.source = Objects.requireNonNull(source, "source");
        this.scale = scale;
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * Cell voltage through a resistive divider: V_cell = V_pins × ratio, where ratio = (R_top + R_bottom) / R_bottom
     * (1.0 without a divider).
     */
    public static CalibratedInput cellVoltage(RawSource adc, double dividerRatio, LiveCalibration calibration) {
        requirePositive("divider ratio", dividerRatio);
        return new CalibratedInput("cell voltage", "V", adc, dividerRatio, calibration);
    }

    /**
     * Cell current through a shunt and a current-sense amplifier: I = V_amp / (G × R_shunt). The amplifier's output is
     * measured differentially against its reference, so the reading is signed.
     */
    public static CalibratedInput shuntCurrent(RawSource adc, double shuntOhms, double amplifierGain,
                                               LiveCalibration calibration) {
        requirePositive("shunt resistance", shuntOhms);
        requirePositive("amplifier gain", amplifierGain);
        return new CalibratedInput("cell current", "A", adc, 1.0 / (amplifierGain * shuntOhms), calibration);
    }

    /** Cell current from a chip that reports amperes itself (INA226). */
    public static CalibratedInput monitoredCurrent(RawSource monitor, LiveCalibration calibration) {
        return new CalibratedInput("cell current", "A", monitor, 1.0, calibration);
    }

    /**
     * Working electrode against the reference electrode, through followers and an attenuator:
     * E = (V_WE − V_RE) at the pins × divider (1.0 without an attenuator).
     */
    public static CalibratedInput electrodePotential(RawSource adc, double divider, LiveCalibration calibration) {
        requirePositive("potential divider", divider);
        return new CalibratedInput("working-electrode potential", "V", adc, divider, calibration);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public double read() {
        try {
            return calibration.get().apply(scale * source.read());
        } catch (HalException e) {
            throw new HalException(name + ": " + e.getMessage(), e);
        }
    }

    /** The calibration in force now. */
    public TwoPointCalibration calibration() {
        return calibration.get();
    }

    @Override
    public String toString() {
        return name + " on " + source.description();
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a positive number, was " + value);
        }
    }
}
