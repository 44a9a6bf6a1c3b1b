package org.no3rr.metrics.quantification;

import org.no3rr.metrics.Arguments;
import org.no3rr.metrics.PhysicalConstants;
import org.no3rr.metrics.Units;

/**
 * A GC reading of the cathode off-gas: the H2 mole fraction in the carrier stream, taken as
 * representative of the whole {@code durationS} before the injection (the usual assumption when
 * the cell is purged continuously at steady state). Moles of H2 carried out:
 * N = x·Φ·t / V_m, with x = ppm·10⁻⁶, Φ the carrier flow and V_m the molar volume of the gas at the
 * flow meter's temperature and pressure (ideal gas, V_m = R·T/p: 24.465 L mol⁻¹ at 25 °C, 1 atm).
 *
 * @param hydrogenPpmByVolume  H2 in the gas stream, ppm (µL L⁻¹)
 * @param carrierFlowMlPerMin  gas flow, mL min⁻¹ (the seeds use 18 mL min⁻¹ Ar)
 * @param durationS            time the reading stands for, s
 */
public record GasChromatographReading(double hydrogenPpmByVolume, double carrierFlowMlPerMin, double durationS) {

    public GasChromatographReading {
        Arguments.requireNonNegative("hydrogenPpmByVolume", hydrogenPpmByVolume);
        Arguments.requirePositive("carrierFlowMlPerMin", carrierFlowMlPerMin);
        Arguments.requirePositive("durationS", durationS);
    }

    /** R·T/p at 25 °C and 101325 Pa, L mol⁻¹ (= 24.4654). */
    public static double molarVolumeAt25CelsiusOneAtmLPerMol() {
        return idealGasMolarVolumeLPerMol(25.0, PhysicalConstants.STANDARD_ATMOSPHERE_PA);
    }

    /** Ideal-gas molar volume R·T/p in L mol⁻¹. */
    public static double idealGasMolarVolumeLPerMol(double temperatureC, double pressurePa) {
        if (!(temperatureC > -PhysicalConstants.ZERO_CELSIUS_K && temperatureC <= 200)) {
            throw new IllegalArgumentException("temperatureC must be above -273.15 and at most 200 °C, was "
                    + temperatureC);
        }
        Arguments.requirePositive("pressurePa", pressurePa);
        return PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * Units.kelvinFromCelsius(temperatureC) / pressurePa * 1000.0;
    }

    /** N = ppm·10⁻⁶ · (Φ / 1000 L mL⁻¹) · (t / 60 s min⁻¹) / V_m, in mol. */
    public double hydrogenMol(double molarVolumeLPerMol) {
        Arguments.requirePositive("molarVolumeLPerMol", molarVolumeLPerMol);
        double gasVolumeL = carrierFlowMlPerMin / 1000.0 * (durationS / 60.0);
        return hydrogenPpmByVolume * 1e-6 * gasVolumeL / molarVolumeLPerMol;
    }

    /** FE(H2) with the charge passed over the same {@code durationS}. */
    public FaradaicEfficiency faradaicEfficiency(double chargeCoulombs, double molarVolumeLPerMol) {
        return FaradaicEfficiency.of(ReductionReaction.HYDROGEN_EVOLUTION, hydrogenMol(molarVolumeLPerMol),
                chargeCoulombs);
    }
}
