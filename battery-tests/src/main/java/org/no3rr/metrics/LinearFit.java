package org.no3rr.metrics;

/**
 * Ordinary least-squares line y = slope·x + intercept, used for calibration curves, Cdl and
 * capacity fade. Computed in two passes over centred data, and the residual sum of squares from
 * the residuals themselves rather than as SS_tot − slope·S_xy, so that a nearly perfect
 * calibration still gets a meaningful residual standard deviation (and LOD).
 *
 * @param slope                      least-squares slope, S_xy / S_xx
 * @param intercept                  mean(y) − slope·mean(x)
 * @param rSquared                   1 − SS_res / SS_tot; NaN when all y are equal (SS_tot = 0)
 * @param residualStandardDeviation  s_y/x = √(SS_res / (n − 2)); NaN for n = 2
 * @param count                      number of points n
 */
public record LinearFit(double slope, double intercept, double rSquared, double residualStandardDeviation,
                        int count) {

    public static LinearFit of(double[] x, double[] y) {
        Arguments.requireSameLength("x", x, "y", y);
        Arguments.requireAtLeast("a least-squares line", x.length, 2);
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            Arguments.requireFinite("x[" + i + "]", x[i]);
            Arguments.requireFinite("y[" + i + "]", y[i]);
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a least-squares line needs at least two different x values, all x were "
                    + x[0]);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double ssRes = 0;
        for (int i = 0; i < n; i++) {
            double residual = y[i] - (slope * x[i] + intercept);
            ssRes += residual * residual;
        }
        double rSquared = syy == 0 ? Double.NaN : 1 - ssRes / syy;
        double residualSd = n > 2 ? Math.sqrt(ssRes / (n - 2)) : Double.NaN;
        return new LinearFit(slope, intercept, rSquared, residualSd, n);
    }

    public double valueAt(double x) {
        return slope * x + intercept;
    }
}
