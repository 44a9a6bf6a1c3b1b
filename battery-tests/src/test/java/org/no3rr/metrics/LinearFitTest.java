package org.no3rr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearFitTest {

    @Test
    void leastSquaresLineWithRSquaredAndResidualDeviation() {
        // (0,1) (1,3) (2,4): x̄ = 1, ȳ = 8/3, Sxx = 2, Sxy = (−1)(−5/3) + 0 + (1)(4/3) = 3 → slope 3/2,
        // intercept 8/3 − 3/2 = 7/6; residuals −1/6, 1/3, −1/6 → SS_res = 6/36 = 1/6;
        // SS_tot = (25 + 1 + 16)/9 = 14/3 → R² = 1 − (1/6)/(14/3) = 27/28; s_y/x = √((1/6)/(3 − 2)) = √(1/6)
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2}, new double[] {1, 3, 4});
        assertThat(fit.slope()).isCloseTo(1.5, within(1e-15));
        assertThat(fit.intercept()).isCloseTo(7.0 / 6.0, within(1e-15));
        assertThat(fit.rSquared()).isCloseTo(27.0 / 28.0, within(1e-15));
        assertThat(fit.residualStandardDeviation()).isCloseTo(Math.sqrt(1.0 / 6.0), within(1e-15));
        assertThat(fit.count()).isEqualTo(3);
        assertThat(fit.valueAt(4)).isCloseTo(6 + 7.0 / 6.0, within(1e-14));
    }

    @Test
    void refusesIdenticalXAndMismatchedLengths() {
        assertThatThrownBy(() -> LinearFit.of(new double[] {2, 2}, new double[] {1, 3}))
                .hasMessageContaining("two different x values");
        assertThatThrownBy(() -> LinearFit.of(new double[] {1, 2, 3}, new double[] {1, 3}))
                .hasMessageContaining("same length").hasMessageContaining("3 and 2");
    }
}
