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
 * @param concentrationMolPerL concentration in the catholyte, mol L⁻¹ (molar, see {@link Analyte}), after
 *                             a blank's subtraction
 * @param productMol           c·V, mol, after the background's subtraction
 * @param faradaicEfficiency   FE from the corrected moles, unclamped
 * @param yieldRate            yield rates over the step's duration, from the corrected moles
 * @param warnings             what the reader of the number must know
 * @param correction           what was subtracted, and the figures without it; null without a background
 */
public record ProductAnalysis(double concentrationMolPerL, double productMol, FaradaicEfficiency faradaicEfficiency,
                              YieldRate yieldRate, Set<Warning> warnings, Correction correction) {

    /**
     * A background subtraction, shown with the result.
     *
     * @param kind                          {@code blank} or {@code control}
     * @param description                   what was subtracted, in words
     * @param subtractedConcentrationMolPerL the blank's concentration (0 for a control)
     * @param subtractedMol                 the moles subtracted
     * @param uncorrectedProductMol         the moles before the subtraction
     * @param uncorrectedFaradaicEfficiency FE before the subtraction
     */
    public record Correction(String kind, String description, double subtractedConcentrationMolPerL,
                             double subtractedMol, double uncorrectedProductMol,
                             double uncorrectedFaradaicEfficiency) {
    }

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
        return of(reading, calibration, reaction, chargeCoulombs, durationS, cell, new Background.None());
    }

    /**
     * Like {@link #of(SampleReading, CalibrationCurve, ReductionReaction, double, double, CellMetadata)},
     * corrected by a background.
     *
     * @throws IllegalArgumentException also when a blank was measured with another method
     */
    public static ProductAnalysis of(SampleReading reading, CalibrationCurve calibration, ReductionReaction reaction,
                                     double chargeCoulombs, double durationS, CellMetadata cell,
                                     Background background) {
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
        double measured = calibration.concentrationMolPerL(reading.signal(), reading.dilutionFactor());
        double uncorrectedMol = measured * volumeL;
        double blankConcentration = 0;
        double subtractedMol = 0;
        Correction correction = null;
        if (background instanceof Background.Blank blank) {
            if (blank.reading().method() != reading.method()) {
                throw new IllegalArgumentException("the blank was read with " + blank.reading().method()
                        + " but the sample with " + reading.method());
            }
            blankConcentration = calibration.concentrationMolPerL(blank.reading().signal(),
                    blank.reading().dilutionFactor());
            subtractedMol = blankConcentration * volumeL;
        } else if (background instanceof Background.Control control) {
            subtractedMol = control.productMol();
        }
        double concentration = measured - blankConcentration;
        double productMol = uncorrectedMol - subtractedMol;
        FaradaicEfficiency fe = FaradaicEfficiency.of(reaction, productMol, chargeCoulombs);
        if (background instanceof Background.Blank) {
            correction = new Correction("blank", "the fresh electrolyte's concentration subtracted",
                    blankConcentration, subtractedMol, uncorrectedMol,
                    FaradaicEfficiency.of(reaction, uncorrectedMol, chargeCoulombs).fraction());
        } else if (background instanceof Background.Control control) {
            correction = new Correction("control", control.description(), 0, subtractedMol, uncorrectedMol,
                    FaradaicEfficiency.of(reaction, uncorrectedMol, chargeCoulombs).fraction());
        }
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
        return new ProductAnalysis(concentration, productMol, fe, yield, warnings, correction);
    }
}
