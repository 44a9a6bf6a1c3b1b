package org.no3rr.metrics;

/**
 * The mean of repeated measurements of one quantity and their sample standard deviation — what a
 * figure's bar and error bar show ("mean ± SD, n = 3"). The deviation uses n − 1 (Bessel), as the
 * seed papers' error bars do; with a single value it is NaN (no spread can be estimated from one),
 * never 0.
 *
 * @param mean              arithmetic mean
 * @param standardDeviation √(Σ(x − mean)² / (n − 1)); NaN for n = 1
 * @param count             n, at least 1
 */
public record Replicates(double mean, double standardDeviation, int count) {

    /** @throws IllegalArgumentException for no values or a value that is not finite, naming it */
    public static Replicates of(double... values) {
        Arguments.requireAtLeast("a mean", values.length, 1);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += Arguments.requireFinite("values[" + i + "]", values[i]);
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return new Replicates(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new Replicates(mean, Math.sqrt(squares / (values.length - 1)), values.length);
    }
}
