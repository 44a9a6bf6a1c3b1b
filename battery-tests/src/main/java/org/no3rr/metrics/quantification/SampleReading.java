package org.no3rr.metrics.quantification;

import java.util.Objects;

import org.no3rr.metrics.Arguments;

/**
 * What the operator enters after taking a sample of the catholyte: the method, the signal read
 * (absorbance, A220 − 2·A275 for nitrate, or an NMR area ratio) and how the aliquot was diluted.
 *
 * @param method          how it was measured
 * @param signal          the reading
 * @param dilutionFactor  volume made up to / aliquot volume (see {@link #dilutionFactor(double, double)})
 */
public record SampleReading(QuantificationMethod method, double signal, double dilutionFactor) {

    public SampleReading {
        Objects.requireNonNull(method, "method");
        Arguments.requireFinite("signal", signal);
        Arguments.requirePositive("dilutionFactor", dilutionFactor);
    }

    /** e.g. 0.05 mL of catholyte made up to 5 mL: 100. */
    public static double dilutionFactor(double aliquotMl, double madeUpToMl) {
        Arguments.requirePositive("aliquotMl", aliquotMl);
        Arguments.requirePositive("madeUpToMl", madeUpToMl);
        if (madeUpToMl < aliquotMl) {
            throw new IllegalArgumentException("madeUpToMl (" + madeUpToMl + " mL) must be at least the aliquot ("
                    + aliquotMl + " mL)");
        }
        return madeUpToMl / aliquotMl;
    }
}
