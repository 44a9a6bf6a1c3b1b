package org.no3rr.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReplicatesTest {

    @Test
    void meanAndSampleStandardDeviationOfThreeFaradaicEfficiencies() {
        // 96, 98, 100 %: mean 98; squares 4 + 0 + 4 = 8; SD = √(8 / (3 − 1)) = 2 exactly.
        Replicates fe = Replicates.of(96.0, 98.0, 100.0);
        assertThat(fe.mean()).isEqualTo(98.0);
        assertThat(fe.standardDeviation()).isEqualTo(2.0);
        assertThat(fe.count()).isEqualTo(3);
    }

    @Test
    void theDeviationDividesByNMinusOne() {
        // 1, 2, 3, 4: mean 2.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5; SD = √(5/3) = 1.2909944487358056
        // (with n it would be √(5/4) = 1.118…).
        Replicates r = Replicates.of(1, 2, 3, 4);
        assertThat(r.mean()).isEqualTo(2.5);
        assertThat(r.standardDeviation()).isCloseTo(1.2909944487358056, within(1e-15));
    }

    @Test
    void oneValueHasNoSpread() {
        Replicates one = Replicates.of(3.08);
        assertThat(one.mean()).isEqualTo(3.08);
        assertThat(one.standardDeviation()).isNaN();
        assertThat(one.count()).isEqualTo(1);
    }

    @Test
    void refusesNothingAndNonFiniteValues() {
        assertThatThrownBy(Replicates::of).hasMessage("a mean needs at least 1 values, had 0");
        assertThatThrownBy(() -> Replicates.of(1, Double.NaN))
                .hasMessage("values[1] must be a finite number, was NaN");
    }
}
