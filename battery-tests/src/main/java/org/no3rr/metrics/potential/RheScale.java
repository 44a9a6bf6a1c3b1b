package org.no3rr.metrics.potential;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.Arguments;
import org.no3rr.metrics.PhysicalConstants;
import org.no3rr.metrics.Units;

/**
 * Conversion between a potential measured against the reference electrode and the reversible
 * hydrogen electrode (RHE) scale:
 * E_RHE = E_vs_ref + E_ref + S·pH, with E_ref the reference electrode's potential vs SHE
 * (0.197 V for Ag/AgCl in saturated KCl) and S the Nernst slope ln(10)·R·T/F.
 *
 * <p>Which slope: {@link #at25Celsius} uses S = 0.0592 V, the value written in the methods
 * sections this station serves. {@link #atCelsius} computes S = ln(10)·R·T/F with
 * R = 8.314462618 J mol⁻¹ K⁻¹ (0.059159 V at 25 °C; "2.303" is ln 10 rounded). {@link #withSlope}
 * reproduces a paper that wrote another rounding (seed 000 writes 0.059). The slope used is part of
 * the record, so it can be reported.
 *
 * @param referenceOffsetV reference electrode vs SHE, V
 * @param ph               electrolyte pH
 * @param nernstSlopeV     V per pH unit
 */
public record RheScale(double referenceOffsetV, double ph, double nernstSlopeV) {

    /** The rounded 25 °C Nernst slope, V per pH unit. */
    public static final double NERNST_SLOPE_25C_V = 0.0592;

    public RheScale {
        Arguments.requireFinite("referenceOffsetV", referenceOffsetV);
        if (!(ph >= -1 && ph <= 15)) {
            throw new IllegalArgumentException("ph must be between -1 and 15, was " + ph);
        }
        Arguments.requirePositive("nernstSlopeV", nernstSlopeV);
    }

    public static RheScale at25Celsius(double referenceOffsetV, double ph) {
        return new RheScale(referenceOffsetV, ph, NERNST_SLOPE_25C_V);
    }

    public static RheScale atCelsius(double referenceOffsetV, double ph, double temperatureC) {
        return new RheScale(referenceOffsetV, ph, nernstSlopeV(temperatureC));
    }

    public static RheScale withSlope(double referenceOffsetV, double ph, double nernstSlopeV) {
        return new RheScale(referenceOffsetV, ph, nernstSlopeV);
    }

    /** The run's own conversion: its reference offset, pH and slope; the pH must be given. */
    public static RheScale of(CellMetadata cell) {
        if (Double.isNaN(cell.ph())) {
            throw new IllegalArgumentException("the cell metadata has no pH; the RHE scale needs the electrolyte pH"
                    + " (between -1 and 15)");
        }
        return withSlope(cell.referenceOffsetV(), cell.ph(), cell.rheSlopeVPerPh());
    }

    /** The formula with this scale's numbers, for an export's metadata. */
    public String describe() {
        return "E_RHE = E_vs_reference + " + referenceOffsetV + " V + " + nernstSlopeV + " V/pH × pH " + ph;
    }

    /** ln(10)·R·T/F in V, for a temperature in °C between −30 and 150. */
    public static double nernstSlopeV(double temperatureC) {
        if (!(temperatureC >= -30 && temperatureC <= 150)) {
            throw new IllegalArgumentException("temperatureC must be between -30 and 150 °C, was " + temperatureC);
        }
        return Math.log(10) * PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * Units.kelvinFromCelsius(temperatureC)
                / PhysicalConstants.FARADAY_C_PER_MOL;
    }

    public double toRhe(double potentialVsReferenceV) {
        return potentialVsReferenceV + referenceOffsetV + nernstSlopeV * ph;
    }

    /** The inverse: which potential vs the reference electrode gives {@code potentialVsRheV}. */
    public double toReference(double potentialVsRheV) {
        return potentialVsRheV - referenceOffsetV - nernstSlopeV * ph;
    }
}
