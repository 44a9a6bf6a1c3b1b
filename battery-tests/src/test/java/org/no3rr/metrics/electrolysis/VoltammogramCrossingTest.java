package org.no3rr.metrics.electrolysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VoltammogramCrossingTest {

    @Test
    void readsTheCapacitiveCurrentOfBothSweepsAtTheWindowsMiddle() {
        // CV between 0.1 and 0.3 V at ν = 0.05 V/s, sampled every 0.03 V (never exactly at 0.2 V), 3 cycles:
        // j = +Cdl·ν + j_F on the way up and −Cdl·ν + j_F on the way down, Cdl = 2.5 mF cm⁻², j_F = 0.01 mA cm⁻²
        // → j_a = 0.135, j_c = −0.115 mA cm⁻², and (j_a − j_c)/2 = 0.125 = Cdl·ν.
        VoltammogramCrossing crossing = new VoltammogramCrossing(0.2);
        for (int cycle = 0; cycle < 3; cycle++) {
            for (double e = 0.1; e <= 0.3 + 1e-12; e += 0.03) {
                crossing.add(e, 2.5 * 0.05 + 0.01);
            }
            for (double e = 0.3; e >= 0.1 - 1e-12; e -= 0.03) {
                crossing.add(e, -2.5 * 0.05 + 0.01);
            }
        }
        assertThat(crossing.anodicCurrentDensity()).isCloseTo(0.135, within(1e-15));
        assertThat(crossing.cathodicCurrentDensity()).isCloseTo(-0.115, within(1e-15));
        assertThat(crossing.anodicCrossings()).isEqualTo(3);
        assertThat(crossing.cathodicCrossings()).isEqualTo(3);
    }

    @Test
    void interpolatesLinearlyInPotentialAndKeepsTheLastCrossing() {
        // Up: (0.19 V, 1.0) → (0.23 V, 2.0): at 0.2 V a quarter of the way, 1.25. Down: (0.25, −1.0) → (0.15, −3.0):
        // half-way, −2.0. A later up-crossing (0.1, 5) → (0.3, 7) replaces the first: 6.0.
        VoltammogramCrossing crossing = new VoltammogramCrossing(0.2);
        crossing.add(0.19, 1.0);
        crossing.add(0.23, 2.0);
        assertThat(crossing.anodicCurrentDensity()).isCloseTo(1.25, within(1e-12));
        crossing.add(0.25, -1.0);
        crossing.add(0.15, -3.0);
        assertThat(crossing.cathodicCurrentDensity()).isCloseTo(-2.0, within(1e-12));
        crossing.add(0.1, 5.0);
        crossing.add(0.3, 7.0);
        assertThat(crossing.anodicCurrentDensity()).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void aSweepThatNeverReachesThePotentialGivesNothing() {
        VoltammogramCrossing crossing = new VoltammogramCrossing(0.2);
        crossing.add(0.10, 1.0);
        crossing.add(0.15, 1.0);
        crossing.add(0.10, 1.0);
        assertThat(crossing.anodicCurrentDensity()).isNaN();
        assertThat(crossing.cathodicCurrentDensity()).isNaN();
        assertThat(crossing.anodicCrossings()).isZero();
    }
}
