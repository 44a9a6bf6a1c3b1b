package org.no3rr.metrics.quantification;

import java.util.Objects;

import org.no3rr.metrics.Arguments;
import org.no3rr.metrics.LinearFit;

/**
 * A calibration of one method: the least-squares line A = a·c + b of signal A (absorbance or NMR
 * area ratio) against the standards' molar concentration c of the analyte in mol L⁻¹ (so a is in
 * L mol⁻¹). A record of plain numbers so the station can store it and reuse it across runs.
 *
 * <p>Limit of detection LOD = 3·σ/a, where σ is, in order of preference:
 * <ol>
 *   <li>{@link LodSource#BLANK_REPLICATES}: the sample standard deviation (n − 1) of at least two
 *       blank replicate signals — the IUPAC definition;</li>
 *   <li>{@link LodSource#RESIDUAL_STANDARD_DEVIATION}: without blanks, the residual standard
 *       deviation of the fit s_y/x = √(SS_res/(n − 2)) (ICH Q2 "based on the calibration curve"),
 *       which needs at least three standards.</li>
 * </ol>
 *
 * @param method                     the method the line belongs to
 * @param slopePerMolPerL            a, signal per mol L⁻¹ (must be &gt; 0)
 * @param intercept                  b, signal at zero concentration
 * @param rSquared                   coefficient of determination of the fit
 * @param residualStandardDeviation  s_y/x, signal units (NaN for two standards)
 * @param standardCount              number of standards
 * @param lowestStandardMolPerL      lowest standard, mol L⁻¹
 * @param highestStandardMolPerL     highest standard, mol L⁻¹
 * @param limitOfDetectionMolPerL    3σ/a in mol L⁻¹ of the measured (diluted) solution; NaN if no σ
 * @param lodSource                  where σ came from
 */
public record CalibrationCurve(QuantificationMethod method, double slopePerMolPerL, double intercept,
                               double rSquared, double residualStandardDeviation, int standardCount,
                               double lowestStandardMolPerL, double highestStandardMolPerL,
                               double limitOfDetectionMolPerL, LodSource lodSource) {

    public enum LodSource {
        BLANK_REPLICATES,
        RESIDUAL_STANDARD_DEVIATION,
        /** Two standards and no blanks: no σ, LOD is NaN. */
        NONE
    }

    public CalibrationCurve {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(lodSource, "lodSource");
        Arguments.requirePositive("slopePerMolPerL", slopePerMolPerL);
        Arguments.requireFinite("intercept", intercept);
    }

    /** Fit without blank replicates: LOD from the residual standard deviation. */
    public static CalibrationCurve fit(QuantificationMethod method, double[] standardsMolPerL, double[] signals) {
        return fit(method, standardsMolPerL, signals, new double[0]);
    }

    /**
     * @param blankSignals replicate signals of the blank (zero standard measured repeatedly); with
     *                     fewer than two, LOD falls back to the residual standard deviation
     */
    public static CalibrationCurve fit(QuantificationMethod method, double[] standardsMolPerL, double[] signals,
                                       double[] blankSignals) {
        for (int i = 0; i < standardsMolPerL.length; i++) {
            Arguments.requireNonNegative("standardsMolPerL[" + i + "]", standardsMolPerL[i]);
        }
        LinearFit line = LinearFit.of(standardsMolPerL, signals);
        if (!(line.slope() > 0)) {
            throw new IllegalArgumentException("a calibration's slope must be > 0 (signal grows with concentration), was "
                    + line.slope() + " per mol/L; check that standards and signals are paired in order");
        }
        double sigma;
        LodSource source;
        if (blankSignals.length >= 2) {
            sigma = sampleStandardDeviation(blankSignals);
            source = LodSource.BLANK_REPLICATES;
        } else if (standardsMolPerL.length >= 3) {
            sigma = line.residualStandardDeviation();
            source = LodSource.RESIDUAL_STANDARD_DEVIATION;
        } else {
            sigma = Double.NaN;
            source = LodSource.NONE;
        }
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (double c : standardsMolPerL) {
            lowest = Math.min(lowest, c);
            highest = Math.max(highest, c);
        }
        return new CalibrationCurve(method, line.slope(), line.intercept(), line.rSquared(),
                line.residualStandardDeviation(), standardsMolPerL.length, lowest, highest,
                3 * sigma / line.slope(), source);
    }

    private static double sampleStandardDeviation(double[] values) {
        double mean = 0;
        for (int i = 0; i < values.length; i++) {
            mean += Arguments.requireFinite("blankSignals[" + i + "]", values[i]);
        }
        mean /= values.length;
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    /** Concentration of the measured (diluted) solution, (A − b)/a, in mol L⁻¹. Not clamped at zero. */
    public double measuredConcentrationMolPerL(double signal) {
        return (Arguments.requireFinite("signal", signal) - intercept) / slopePerMolPerL;
    }

    /**
     * Concentration in the cell, (A − b)/a × dilution, in mol L⁻¹.
     *
     * @param dilutionFactor volume the aliquot was made up to / aliquot volume (e.g. 5 mL / 0.05 mL = 100)
     */
    public double concentrationMolPerL(double signal, double dilutionFactor) {
        return measuredConcentrationMolPerL(signal) * Arguments.requirePositive("dilutionFactor", dilutionFactor);
    }

    /** Whether the measured solution lies between the lowest and highest standard (else the value is extrapolated). */
    public boolean isWithinCalibratedRange(double signal) {
        double c = measuredConcentrationMolPerL(signal);
        return c >= lowestStandardMolPerL && c <= highestStandardMolPerL;
    }

    /** Whether the measured solution is below the limit of detection (false when the LOD is unknown). */
    public boolean isBelowDetectionLimit(double signal) {
        return measuredConcentrationMolPerL(signal) < limitOfDetectionMolPerL;
    }
}
