package org.no3rr.engine;

import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelRatings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A 1.5 V hold on a ±100 mA channel that resolves 1 mA, on a cell last read at {@code volts}, 10 mA
 * with 2 Ω: the integral step I + (1.5 V − V)/R_loop, the dead band, CCCV's switch and settling.
 */
class RegulatedPhaseTest {

    private static final Regulator HOLD = new Regulator.CellVoltage(1.5, -0.1, 0.1, 50.0);
    private final RegulatedPhase phase = new RegulatedPhase(new ChannelRatings(0.1, 0.0, 5.0, 0.001,
            ChannelRatings.Compliance.defaultFor(0.1)));

    private static CellEstimate cellAt(double volts, double amps) {
        return new CellEstimate(volts, amps, 2.0, 0.0);
    }

    @Test
    void aRegulatingHoldAppliesTheIntegralStep() {
        Regulation before = new Regulation(0.010, true, 0, 2.0, Double.NaN);

        RegulatedPhase.Correction c = phase.afterReading(before, StepProgram.Regulated.from(HOLD),
                cellAt(1.4, 0.010), 1.4);

        // 10 mA + 0.1 V / 2 Ω = 60 mA; the error is remembered for tuning the loop
        assertThat(c).isEqualTo(new RegulatedPhase.Correction(
                new Regulation(0.010 + (1.5 - 1.4) / 2.0, true, 0, 2.0, 1.5 - 1.4), true, false));
        assertThat(c.regulation().amps()).isEqualTo(0.060, within(1e-12));
    }

    @Test
    void aChangeWithinTheChannelsResolutionIsNotApplied() {
        Regulation before = new Regulation(0.010, true, 0, 2.0, Double.NaN);

        // 0.5 mV below: 10.25 mA asked, 0.25 mA from the present current, less than the 1 mA resolved
        RegulatedPhase.Correction c = phase.afterReading(before, StepProgram.Regulated.from(HOLD),
                cellAt(1.4995, 0.010), 1.4995);

        assertThat(c).isEqualTo(new RegulatedPhase.Correction(
                new Regulation(0.010, true, 0, 2.0, 1.5 - 1.4995), false, false));
    }

    @Test
    void cccvKeepsItsCurrentUntilTheVoltageThenBeginsToSettle() {
        StepProgram.Regulated cccv = new StepProgram.Regulated(HOLD, 0.020, 1.5, false);
        Regulation constant = phase.first(cccv, cellAt(1.45, 0.020));
        assertThat(constant).isEqualTo(Regulation.constantCurrent(0.020));

        assertThat(phase.afterReading(constant, cccv, cellAt(1.45, 0.020), 1.45))
                .isEqualTo(new RegulatedPhase.Correction(constant, false, false));
        // at 1.5 V the hold begins with the cell's 2 Ω as its loop, at the current that meets 1.5 V
        assertThat(phase.afterReading(constant, cccv, cellAt(1.5, 0.020), 1.5))
                .isEqualTo(new RegulatedPhase.Correction(new Regulation(0.020, true,
                        RegulatedPhase.MOST_SETTLING_READINGS, 2.0, Double.NaN), true, true));
    }

    @Test
    void settlingCorrectsAtOnceAndCountsDown() {
        Regulation settling = new Regulation(0.010, true, 8, 2.0, Double.NaN);

        RegulatedPhase.Correction c = phase.settle(settling, HOLD, cellAt(1.4, 0.010), 1.4);

        assertThat(c).isEqualTo(new RegulatedPhase.Correction(
                new Regulation(0.010 + (1.5 - 1.4) / 2.0, true, 7, 2.0, 1.5 - 1.4), true, true));
        assertThat(phase.resumed(c.regulation()).settlingLeft()).isEqualTo(8);
    }
}
