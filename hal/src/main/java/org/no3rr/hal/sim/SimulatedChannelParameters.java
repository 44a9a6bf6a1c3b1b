package org.no3rr.hal.sim;

import static org.no3rr.hal.sim.ParameterTable.between;
import static org.no3rr.hal.sim.ParameterTable.positive;

import java.util.List;
import java.util.Map;
import org.no3rr.hal.ChannelRatings;

/**
 * The simulated channel's own hardware — not the cell: its ratings and how its ADC reads. Defaults
 * follow the station's boards: ADS1115 (16 bit, ±4.096 V → 125 µV LSB), shunts read on the
 * ±0.512 V range (15.625 µV LSB), a TMP117-class temperature sensor (7.8125 m°C).
 *
 * @param maxCurrentAmps           rated current magnitude of the current source / potentiostat compliance
 * @param minVoltage               low end of the voltage window (battery: cell voltage; H-cell: WE vs reference)
 * @param maxVoltage               high end of the voltage window
 * @param voltageFullScaleVolts    cell-voltage input range ±
 * @param voltageLsbVolts          cell-voltage resolution
 * @param voltageNoiseVolts        cell-voltage noise, 1 σ
 * @param currentFullScaleAmps     current input range ±
 * @param currentLsbAmps           current resolution
 * @param currentNoiseAmps         current noise, 1 σ
 * @param potentialFullScaleVolts  WE-potential input range ± (H-cell only)
 * @param potentialLsbVolts        WE-potential resolution
 * @param potentialNoiseVolts      WE-potential noise, 1 σ
 * @param temperatureLsbCelsius    temperature resolution
 * @param temperatureNoiseCelsius  temperature noise, 1 σ
 */
public record SimulatedChannelParameters(
        double maxCurrentAmps,
        double minVoltage,
        double maxVoltage,
        double voltageFullScaleVolts,
        double voltageLsbVolts,
        double voltageNoiseVolts,
        double currentFullScaleAmps,
        double currentLsbAmps,
        double currentNoiseAmps,
        double potentialFullScaleVolts,
        double potentialLsbVolts,
        double potentialNoiseVolts,
        double temperatureLsbCelsius,
        double temperatureNoiseCelsius) {

    /** Range of the temperature sensor, ±°C. */
    public static final double TEMPERATURE_FULL_SCALE_CELSIUS = 256.0;

    public static final ParameterTable<SimulatedChannelParameters> TABLE = new ParameterTable<>(
            "simulated channel parameter",
            List.of(
                    positive("max-current-a", "A", "rated current magnitude", SimulatedChannelParameters::maxCurrentAmps),
                    between("min-voltage-v", "V", -10, 10, "low end of the voltage window",
                            SimulatedChannelParameters::minVoltage),
                    between("max-voltage-v", "V", -10, 10, "high end of the voltage window",
                            SimulatedChannelParameters::maxVoltage),
                    positive("voltage-full-scale-v", "V", "cell-voltage input range ±",
                            SimulatedChannelParameters::voltageFullScaleVolts),
                    positive("voltage-lsb-v", "V", "cell-voltage resolution", SimulatedChannelParameters::voltageLsbVolts),
                    between("voltage-noise-v", "V", 0, 1, "cell-voltage noise, 1 σ",
                            SimulatedChannelParameters::voltageNoiseVolts),
                    positive("current-full-scale-a", "A", "current input range ±",
                            SimulatedChannelParameters::currentFullScaleAmps),
                    positive("current-lsb-a", "A", "current resolution", SimulatedChannelParameters::currentLsbAmps),
                    between("current-noise-a", "A", 0, 1, "current noise, 1 σ", SimulatedChannelParameters::currentNoiseAmps),
                    positive("potential-full-scale-v", "V", "WE-potential input range ±",
                            SimulatedChannelParameters::potentialFullScaleVolts),
                    positive("potential-lsb-v", "V", "WE-potential resolution", SimulatedChannelParameters::potentialLsbVolts),
                    between("potential-noise-v", "V", 0, 1, "WE-potential noise, 1 σ",
                            SimulatedChannelParameters::potentialNoiseVolts),
                    positive("temperature-lsb-c", "°C", "temperature resolution",
                            SimulatedChannelParameters::temperatureLsbCelsius),
                    between("temperature-noise-c", "°C", 0, 10, "temperature noise, 1 σ",
                            SimulatedChannelParameters::temperatureNoiseCelsius)),
            v -> new SimulatedChannelParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                    v[11], v[12], v[13]));

    /** A battery channel: ±50 mA through a 10 Ω shunt (±51.2 mA range, 1.5625 µA LSB), 0–2.6 V window. */
    public static SimulatedChannelParameters forBattery() {
        return new SimulatedChannelParameters(
                0.050, 0.0, 2.6,
                4.096, 125e-6, 0.3e-3,
                0.0512, 1.5625e-6, 2e-6,
                4.096, 125e-6, 0.3e-3,
                0.0078125, 0.02);
    }

    /**
     * An H-cell channel: ±0.5 A through a 1 Ω shunt (±512 mA range, 15.625 µA LSB) — seed 000's
     * yields need about 80 mA at −0.1 V vs RHE and 175 mA at −0.5 V vs RHE; WE window −3 to +3 V vs
     * reference; cell voltage through a 5:1 divider (±10.24 V, 312.5 µV LSB).
     */
    public static SimulatedChannelParameters forHCell() {
        return new SimulatedChannelParameters(
                0.5, -3.0, 3.0,
                10.24, 312.5e-6, 0.5e-3,
                0.512, 15.625e-6, 10e-6,
                4.096, 125e-6, 0.3e-3,
                0.0078125, 0.02);
    }

    public ChannelRatings ratings() {
        return new ChannelRatings(maxCurrentAmps, minVoltage, maxVoltage, Math.max(currentLsbAmps, currentNoiseAmps),
                ChannelRatings.Compliance.defaultFor(maxCurrentAmps));
    }

    /** A copy with the named parameters (key suffixes of {@link #TABLE}) set from configuration strings. */
    public SimulatedChannelParameters withOverrides(Map<String, String> overrides) {
        return TABLE.withOverrides(this, overrides);
    }
}
