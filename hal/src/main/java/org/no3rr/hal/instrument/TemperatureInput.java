package org.no3rr.hal.instrument;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.no3rr.hal.AnalogInput;
import org.no3rr.hal.HalException;

/**
 * The cell's temperature in °C from a sensor's voltage at an ADC input. A reading that no working
 * sensor can give (an open or shorted thermistor, a voltage at the ADC's full scale) fails with the
 * sensor named: a configured sensor never reads NaN.
 */
public final class TemperatureInput implements AnalogInput {

    /** 25 °C in K, the thermistor's reference temperature. */
    static final double T25_KELVIN = 298.15;
    static final double ZERO_CELSIUS_KELVIN = 273.15;

    private final RawSource source;
    private final String sensor;
    private final double lowVolts;
    private final double highVolts;
    private final DoubleUnaryOperator celsius;

    private TemperatureInput(RawSource source, String sensor, double lowVolts, double highVolts, DoubleUnaryOperator celsius) {
        this.source = Objects.requireNonNull(source, "source");
        this.sensor = sensor;
        this.lowVolts = lowVolts;
        this.highVolts = highVolts;
        this.celsius = celsius;
    }

    /**
     * An NTC thermistor to ground under {@code seriesOhms} from {@code supplyVolts}: R_T = R_s·V/(Vs − V),
     * T = 1 / (1/298.15 K + ln(R_T/R25)/β) − 273.15. Below 1 % of the supply it is shorted, at the ADC's
     * highest code or above 99 % of the supply it is open.
     */
    public static TemperatureInput thermistor(RawSource adc, double fullScaleVolts, double r25Ohms, double betaKelvin,
                                              double seriesOhms, double supplyVolts) {
        return new TemperatureInput(adc, "thermistor", 0.01 * supplyVolts, Math.min(saturated(fullScaleVolts), 0.99 * supplyVolts),
                v -> {
                    double ohms = seriesOhms * v / (supplyVolts - v);
                    return 1.0 / (1.0 / T25_KELVIN + Math.log(ohms / r25Ohms) / betaKelvin) - ZERO_CELSIUS_KELVIN;
                });
    }

    /** A linear sensor: T = (V − V0) / slope; a reading at the ADC's full scale is out of range. */
    public static TemperatureInput linear(RawSource adc, double fullScaleVolts, double voltsPerDegreeC,
                                          double voltsAtZeroDegreesC) {
        return new TemperatureInput(adc, "linear sensor", -fullScaleVolts, saturated(fullScaleVolts),
                v -> (v - voltsAtZeroDegreesC) / voltsPerDegreeC);
    }

    /** The ADS1115's highest reading, code 0x7FFF: FS × 32767/32768. */
    private static double saturated(double fullScaleVolts) {
        return fullScaleVolts * 32767 / 32768;
    }

    @Override
    public String name() {
        return "temperature";
    }

    @Override
    public String unit() {
        return "°C";
    }

    @Override
    public double read() {
        double volts;
        try {
            volts = source.read();
        } catch (HalException e) {
            throw new HalException("temperature: " + e.getMessage(), e);
        }
        if (volts <= lowVolts) {
            throw new HalException("temperature: the " + sensor + " on " + source.description() + " reads " + volts
                    + " V, at or below " + lowVolts + " V: shorted or not supplied");
        }
        if (volts >= highVolts) {
            throw new HalException("temperature: the " + sensor + " on " + source.description() + " reads " + volts
                    + " V, at or above " + highVolts + " V: open circuit (missing sensor or broken lead) or out of range");
        }
        return celsius.applyAsDouble(volts);
    }

    @Override
    public String toString() {
        return "temperature (" + sensor + ") on " + source.description();
    }
}
