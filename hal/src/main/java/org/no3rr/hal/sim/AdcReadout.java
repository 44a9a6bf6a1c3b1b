package org.no3rr.hal.sim;

import java.util.SplittableRandom;

/**
 * What an ADC channel makes of a true value: Gaussian noise, rounding to the LSB, and saturation at
 * the ends of the range the way an ADS1115 does (codes −2ⁿ to 2ⁿ − 1, so the top reads one LSB
 * below full scale). Each input owns its random stream, so how often one input is read never
 * changes what another reads.
 */
final class AdcReadout {

    private final double lsb;
    private final double noiseSigma;
    private final long minCode;
    private final long maxCode;
    private final SplittableRandom random;

    AdcReadout(double fullScale, double lsb, double noiseSigma, SplittableRandom random) {
        this.lsb = lsb;
        this.noiseSigma = noiseSigma;
        this.maxCode = Math.round(fullScale / lsb) - 1;
        this.minCode = -Math.round(fullScale / lsb);
        this.random = random;
    }

    double convert(double trueValue) {
        double noisy = noiseSigma > 0 ? trueValue + noiseSigma * random.nextGaussian() : trueValue;
        long code = Math.max(minCode, Math.min(maxCode, Math.round(noisy / lsb)));
        return code * lsb;
    }
}
