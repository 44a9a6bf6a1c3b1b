package org.no3rr.metrics.quantification;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.Arguments;
import org.no3rr.metrics.Units;

/**
 * From a sample reading to the figures of a hold (or a battery discharge): concentration in the
 * cell, moles formed, Faradaic efficiency and yield rates. This is the call the station makes when
 * the operator enters a reading for a step.
 *
 * @param concentrationMolPerL concentration in the catholyte, mol L⁻¹ (molar, see {@link Analyte})
 * @param productMol           c·V, mol
 * @param faradaicEfficiency   FE, unclamped
 * @param yieldRate            yield rates over the step's duration
 * @param warnings             what the reader of the number must know
 */
public record ProductAnalysis(double concentrationMolPerL, double productMol, FaradaicEfficiency faradaicEfficiency,
                              YieldRate yieldRate, Set<Warning> warnings) {

    public enum Warning {
        /** FE &gt; 100 %: reported unclamped; check blanks, volume and charge. */
        FARADAIC_EFFICIENCY_ABOVE_100_PERCENT,
        /** The measured (diluted) solution is below the calibration's LOD. */
        BELOW_DETECTION_LIMIT,
        /** The measured solution lies outside the standards: the value is an extrapolation. */
        OUTSIDE_CALIBRATED_RANGE
    }

    public ProductAnalysis {
        warnings = Set.copyOf(warnings);
    }

    /**
     * @param reading         the operator's reading
     * @param calibration     the calibration of the reading's method
     * @param reaction        which reaction the product is attributed to (gives n)
     * @param chargeCoulombs  charge passed during the step, C (&gt; 0; cathodic charge of a hold)
     * @param durationS       duration of the step, s
     * @param cell            area, catalyst mass and catholyte volume
     */
    public static ProductAnalysis of(SampleReading reading, CalibrationCurve calibration, ReductionReaction reaction,
                                     double chargeCoulombs, double durationS, CellMetadata cell) {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(reaction, "reaction");
        if (reading.method() != calibration.method()) {
            throw new IllegalArgumentException("the reading was made with " + reading.method()
                    + " but the calibration is for " + calibration.method());
        }
        if (reaction.product() != reading.method().analyte()) {
            throw new IllegalArgumentException(reading.method() + " measures " + reading.method().analyte()
                    + " but " + reaction + " produces " + reaction.product());
        }
        if (Double.isNaN(cell.catholyteVolumeMl())) {
            throw new IllegalArgumentException("the cell metadata has no catholyteVolumeMl; Faradaic efficiency needs"
                    + " the catholyte volume (> 0 mL)");
        }
        double volumeL = Units.litresFromMillilitres(Arguments.requirePositive("catholyteVolumeMl",
                cell.catholyteVolumeMl()));
        double concentration = calibration.concentrationMolPerL(reading.signal(), reading.dilutionFactor());
        double productMol = concentration * volumeL;
        FaradaicEfficiency fe = FaradaicEfficiency.of(reaction, productMol, chargeCoulombs);
        YieldRate yield = YieldRate.of(productMol, reaction.product(), durationS, cell.areaCm2(), cell.catalystMassMg());
        Set<Warning> warnings = EnumSet.noneOf(Warning.class);
        if (fe.exceedsHundredPercent()) {
            warnings.add(Warning.FARADAIC_EFFICIENCY_ABOVE_100_PERCENT);
        }
        if (calibration.isBelowDetectionLimit(reading.signal())) {
            warnings.add(Warning.BELOW_DETECTION_LIMIT);
        }
        if (!calibration.isWithinCalibratedRange(reading.signal())) {
            warnings.add(Warning.OUTSIDE_CALIBRATED_RANGE);
        }
        return new ProductAnalysis(concentration, productMol, fe, yield, warnings);
    }
}
