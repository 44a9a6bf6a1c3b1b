package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The control laws of regulated steps on a hand-computed cell model, and how a hold's loop tunes itself. */
class RegulatorTest {

    private static final double LEAST_STEP = 1e-4;

    /** A cell read at 1.20 V / −5 mA after 1.25 V / 0 A: secant 10 Ω, source unchanged (drift 0). */
    private static CellEstimate tenOhmCell() {
        return CellEstimate.UNKNOWN.observe(1.25, 0.0, LEAST_STEP).observe(1.20, -0.005, LEAST_STEP);
    }

    @Test
    void theCellEstimateLearnsTheSecantAndTheSourcesDrift() {
        CellEstimate cell = tenOhmCell();
        assertThat(cell.ohms()).isCloseTo(10.0, within(1e-9));
        assertThat(cell.drift()).isCloseTo(0.0, within(1e-12));

        // same current, 3 mV lower: the source moved by −3 mV, the resistance stays
        CellEstimate falling = cell.observe(1.197, -0.005, LEAST_STEP);
        assertThat(falling.ohms()).isCloseTo(10.0, within(1e-9));
        assertThat(falling.drift()).isCloseTo(-0.003, within(1e-12));
        // E next = V − R·I + drift = 1.197 + 0.05 − 0.003
        assertThat(falling.nextSourceVolts()).isCloseTo(1.244, within(1e-12));
    }

    @Test
    void aCurrentChangeTooSmallToResolveOrANegativeSecantTeachesNoResistance() {
        CellEstimate cell = tenOhmCell();
        assertThat(cell.observe(1.30, -0.00499, LEAST_STEP).ohms()).isCloseTo(10.0, within(1e-9));
        assertThat(cell.observe(1.30, -0.006, LEAST_STEP).ohms()).isCloseTo(10.0, within(1e-9));
        assertThat(cell.observe(Double.NaN, -0.006, LEAST_STEP)).isEqualTo(cell);
    }

    @Test
    void aGapForgetsTheReadingAndTheDriftButNotTheResistance() {
        CellEstimate forgotten = tenOhmCell().observe(1.197, -0.005, LEAST_STEP).forgetReading();
        assertThat(forgotten.hasReading()).isFalse();
        assertThat(forgotten.ohms()).isCloseTo(10.0, within(1e-9));
        assertThat(forgotten.drift()).isZero();
        // the first reading after the gap compares with nothing
        assertThat(forgotten.observe(1.25, 0.0, LEAST_STEP).ohms()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void powerIsTheStableRootOfTheCellModel() {
        // E = 1.25 V, R = 10 Ω, P = −5 mW: I = 2P / (E + √(E² + 4RP)) = −0.01 / (1.25 + √1.3625) = −4.1518… mA
        Regulator.Power power = new Regulator.Power(-0.005, -0.1, 0.0);
        double amps = power.amps(tenOhmCell(), Double.NaN);
        assertThat(amps).isCloseTo(-0.01 / (1.25 + Math.sqrt(1.3625)), within(1e-12));
        double volts = 1.25 + 10 * amps;
        assertThat(volts * amps).isCloseTo(-0.005, within(1e-12));
        assertThat(power.met(volts, amps)).isTrue();
        assertThat(power.met(volts, amps * 1.003)).isFalse();
    }

    @Test
    void aPowerBeyondTheCellsPeakGetsThePeakCurrent() {
        // peak discharge power of 1.25 V behind 10 Ω is E²/4R = 39 mW at −E/2R = −62.5 mA
        Regulator.Power tooMuch = new Regulator.Power(-0.050, -0.1, 0.0);
        assertThat(tooMuch.amps(tenOhmCell(), Double.NaN)).isCloseTo(-0.0625, within(1e-12));
        Regulator.Power bounded = new Regulator.Power(-0.050, -0.05, 0.0);
        assertThat(bounded.amps(tenOhmCell(), Double.NaN)).isEqualTo(-0.05);
    }

    @Test
    void aResistanceDrawsTheSourceThroughBothResistances() {
        // I = −E / (R + R_load) = −1.25 / 310
        Regulator.Resistance load = new Regulator.Resistance(300, -0.1, 0.0);
        double amps = load.amps(tenOhmCell(), Double.NaN);
        assertThat(amps).isCloseTo(-1.25 / 310, within(1e-12));
        assertThat(load.met(-amps * 300, amps)).isTrue();
        assertThat(load.met(-amps * 301, amps)).isFalse();
    }

    @Test
    void aVoltageHoldCorrectsByItsErrorOverTheLoopResistance() {
        Regulator.CellVoltage hold = new Regulator.CellVoltage(1.23, -0.1, 0.1, 30.0);
        // from −5 mA at 1.20 V, 30 mV short through a 10 Ω loop: −5 mA + 3 mA
        assertThat(hold.amps(tenOhmCell(), 10.0)).isCloseTo(-0.002, within(1e-12));
        assertThat(hold.errorVolts(1.20)).isCloseTo(0.03, within(1e-12));
        assertThat(hold.startingLoopOhms(tenOhmCell())).isCloseTo(10.0, within(1e-9));
        assertThat(hold.startingLoopOhms(CellEstimate.UNKNOWN)).isEqualTo(30.0);
        assertThat(hold.amps(CellEstimate.UNKNOWN, 10.0)).isZero();
        assertThat(hold.met(1.2309, 0)).isTrue();
        assertThat(hold.met(1.2311, 0)).isFalse();
        // never beyond the step's bounds, whatever the loop asks
        Regulator.CellVoltage chargeOnly = new Regulator.CellVoltage(1.0, 0.0, 0.1, 30.0);
        assertThat(chargeOnly.amps(tenOhmCell(), 10.0)).isZero();
    }

    @Test
    void anOvershootDoublesTheLoopResistanceAndASluggishApproachShrinksIt() {
        Regulation loop = Regulation.begin(-0.002, 80.0, 8).tuned(0.010);
        assertThat(loop.loopOhms()).isEqualTo(80.0); // nothing to compare the first error with

        assertThat(loop.tuned(-0.004).loopOhms()).isEqualTo(160.0);  // changed side, kept 40 %
        assertThat(loop.tuned(-0.002).loopOhms()).isEqualTo(80.0);   // changed side, kept only 20 %: fine
        assertThat(loop.tuned(0.006).loopOhms()).isCloseTo(56.0, within(1e-9)); // same side, kept 60 %
        assertThat(loop.tuned(0.004).loopOhms()).isEqualTo(80.0);    // same side, kept 40 %: converging
        assertThat(loop.tuned(0.0008).loopOhms()).isEqualTo(80.0);   // within the tolerance: noise
        assertThat(loop.tuned(Double.NaN)).isEqualTo(loop);
        assertThat(loop.tuned(-0.004).lastErrorVolts()).isEqualTo(-0.004);
    }

    @Test
    void aGapKeepsTheCurrentAndTheLoopAndSettlesAgain() {
        Regulation holding = Regulation.begin(-0.002, 80.0, 8).tuned(0.010).commanding(-0.0015, 0);
        Regulation resumed = holding.resumed(8);
        assertThat(resumed).isEqualTo(new Regulation(-0.0015, true, 8, 80.0, Double.NaN));
        assertThat(Regulation.constantCurrent(0.005).resumed(8).settlingLeft()).isZero();
    }
}
