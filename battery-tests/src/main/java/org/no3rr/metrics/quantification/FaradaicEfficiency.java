package org.no3rr.metrics.quantification;

import java.util.Objects;

import org.no3rr.metrics.Arguments;
import org.no3rr.metrics.PhysicalConstants;

/**
 * Faradaic efficiency FE = n·F·N / Q: the fraction of the charge passed that went into the
 * product, with N the moles of product (c·V for a dissolved product) and Q the charge passed.
 * Never clamped: above 1 (100 %) happens in real data — an unsubtracted blank, ammonia from the
 * catalyst or the membrane, a wrong volume — and hiding it would hide the problem, so it is
 * reported with {@link #exceedsHundredPercent()} set. A negative value (signal below the
 * calibration's intercept) is reported as is too.
 *
 * @param reaction the reaction, which gives n
 * @param fraction FE as a fraction (1 = 100 %)
 */
public record FaradaicEfficiency(ReductionReaction reaction, double fraction) {

    public FaradaicEfficiency {
        Objects.requireNonNull(reaction, "reaction");
    }

    /**
     * @param productMol     moles of product formed
     * @param chargeCoulombs charge passed for it, C (&gt; 0; for a reduction, the cathodic charge −∫I dt)
     */
    public static FaradaicEfficiency of(ReductionReaction reaction, double productMol, double chargeCoulombs) {
        Arguments.requireFinite("productMol", productMol);
        if (!(chargeCoulombs > 0) || !Double.isFinite(chargeCoulombs)) {
            throw new IllegalArgumentException("chargeCoulombs must be a finite number > 0 (the charge passed for the"
                    + " reduction, −∫I dt of the hold), was " + chargeCoulombs);
        }
        return new FaradaicEfficiency(reaction,
                reaction.electrons() * PhysicalConstants.FARADAY_C_PER_MOL * productMol / chargeCoulombs);
    }

    /** FE = n·F·c·V / Q for a product dissolved in the catholyte. */
    public static FaradaicEfficiency ofDissolved(ReductionReaction reaction, double concentrationMolPerL,
                                                 double catholyteVolumeL, double chargeCoulombs) {
        Arguments.requirePositive("catholyteVolumeL", catholyteVolumeL);
        return of(reaction, Arguments.requireFinite("concentrationMolPerL", concentrationMolPerL) * catholyteVolumeL,
                chargeCoulombs);
    }

    public double percent() {
        return 100.0 * fraction;
    }

    /** The warning flag: true when FE &gt; 100 %, which is reported, never clamped. */
    public boolean exceedsHundredPercent() {
        return fraction > 1.0;
    }
}
