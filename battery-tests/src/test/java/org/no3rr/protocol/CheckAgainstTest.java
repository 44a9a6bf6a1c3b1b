package org.no3rr.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.ChannelRatings;
import org.junit.jupiter.api.Test;

class CheckAgainstTest {

    private static final ChannelRatings FIFTY_MILLIAMPS = new ChannelRatings(0.050, -2.0, 2.6);

    @Test
    void aProtocolWithinTheRatingsHasNoErrors() {
        Protocol p = ProtocolParser.parse("Rest for 10 min\nDischarge at 5 mA/cm2 until 0.8 V or 2 h\n"
                + "Charge at 50 mA until 2.4 V");

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).isEmpty();
    }

    @Test
    void currentDensityIsMultipliedByTheCellArea() {
        Protocol p = ProtocolParser.parse("Rest for 10 min\nDischarge at 5 mA/cm2 until 0.8 V");

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(12.0))).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).isEqualTo(
                    "line 2: 60 mA (5 mA/cm2 × 12 cm²) exceeds the channel's rating of ±50 mA");
            assertThat(e.example()).isEqualTo("Discharge at 50 mA until 0.8 V");
        });
    }

    @Test
    void absoluteCurrentAboveTheRating() {
        Protocol p = ProtocolParser.parse("Charge at 60 mA until 2.4 V");

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).extracting(ProtocolError::message)
                .containsExactly("line 1: 60 mA exceeds the channel's rating of ±50 mA");
    }

    @Test
    void cutOffOutsideTheVoltageWindowAndStepsInsideRepeatsAreChecked() {
        Protocol p = ProtocolParser.parse("Repeat 2 times:\n  Charge at 2 mA until 3 V\n  Discharge at 2 A until 0.8 V");

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).extracting(ProtocolError::message)
                .containsExactly("line 2: the cut-off 3 V is outside the channel's voltage window -2 V to 2.6 V",
                        "line 3: 2000 mA exceeds the channel's rating of ±50 mA");
    }

    @Test
    void polarizationIsCheckedAtItsLargestLevel() {
        Protocol p = ProtocolParser.parse("Polarize from 0 to 60 mA/cm2 in steps of 10 mA/cm2, 60 s each, until 0.2 V");

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).extracting(ProtocolError::message)
                .containsExactly("line 1: 60 mA (60 mA/cm2 × 1 cm²) exceeds the channel's rating of ±50 mA");
    }

    @Test
    void rhePotentialNeedsThePhAndIsCheckedVsTheReference() {
        Protocol p = ProtocolParser.parse("Hold at -0.1 V vs RHE for 1 h\nHold at -3 V vs Ag/AgCl for 1 h");
        CellMetadata noPh = CellMetadata.ofArea(1.0);
        CellMetadata ph13 = new CellMetadata(1.0, 2.0, Double.NaN, 40, 13.0, "Ag/AgCl (sat. KCl)", 0.197, 0);

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, noPh)).extracting(ProtocolError::line).containsExactly(1, 2);
        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, noPh).get(0).message()).contains("needs the electrolyte's pH");
        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, ph13)).extracting(ProtocolError::message).containsExactly(
                "line 2: the potential -3 V is outside the channel's voltage window -2 V to 2.6 V");
    }

    @Test
    void potentialStepsNeedPotentialControlAnywhereInTheProtocol() {
        assertThat(ProtocolParser.parse("Rest for 1 min\nDischarge at 1 mA until 0.8 V").needsPotentialControl())
                .isFalse();
        assertThat(ProtocolParser.parse("Rest for 1 min\nRepeat 2 times:\n  Repeat 2 times:\n"
                + "    Sweep from 0 V to 0.1 V vs RHE at 10 mV/s").needsPotentialControl()).isTrue();
        assertThat(ProtocolParser.parse("Hold at -0.1 V vs RHE for 1 h").needsPotentialControl()).isTrue();
    }

    @Test
    void potentialStepsNeedAReferenceElectrode() {
        Protocol p = ProtocolParser.parse("Hold at -0.4 V vs Ag/AgCl for 30 min");
        CellMetadata twoElectrode = new CellMetadata(1.0, Double.NaN, 0.5, Double.NaN, Double.NaN, "", 0, 0);

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, twoElectrode)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("needs a reference electrode"));
    }

    @Test
    void aCRateIsConvertedWithTheNominalCapacityAndNeedsIt() {
        Protocol p = ProtocolParser.parse("Discharge at 2C until 0.8 V\nHold at 2.4 V until C/20");
        CellMetadata thirtyMah = CellMetadata.ofArea(1.0).withNominalCapacityAh(0.030);

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, thirtyMah)).extracting(ProtocolError::message)
                .containsExactly("line 1: 60 mA (2C of 30 mAh) exceeds the channel's rating of ±50 mA");
        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).extracting(ProtocolError::message)
                .containsExactly("line 1: 2C is a C-rate and needs the cell's nominal capacity; enter "
                                + "nominalCapacityAh in the cell metadata or write the current in mA",
                        "line 2: C/20 is a C-rate and needs the cell's nominal capacity; enter "
                                + "nominalCapacityAh in the cell metadata or write the current in mA");
    }

    @Test
    void aVoltageHoldIsCheckedAgainstTheWindowAndItsCurrentEndAgainstTheRating() {
        Protocol p = ProtocolParser.parse("Hold at 4.2 V until 10 mA\nHold at 2.4 V until 60 mA");

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).extracting(ProtocolError::message)
                .containsExactly("line 1: the voltage to hold 4.2 V is outside the channel's voltage window -2 V to 2.6 V",
                        "line 2: the current end 60 mA is beyond the channel's rating of ±50 mA, so the hold would end "
                                + "at once");
    }

    @Test
    void aConstantPowerIsCheckedAtTheHighestAndTheLowestVoltageTheRunAllows() {
        Protocol tooMuch = ProtocolParser.parse("Discharge at 200 mW for 1 h");
        // 100 mW at the 0.8 V cut-off takes 125 mA; at up to 2.6 V the channel gives 130 mW.
        Protocol tooLowACutOff = ProtocolParser.parse("Discharge at 100 mW until 0.8 V");
        Protocol withinLimits = ProtocolParser.parse("Limits: 1 V to 2 V\nDischarge at 40 mW for 1 h");

        assertThat(tooMuch.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).extracting(ProtocolError::message)
                .containsExactly("line 1: 200 mW exceeds the channel's rating of ±50 mA at up to 2.6 V (130 mW)");
        assertThat(tooLowACutOff.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0)))
                .extracting(ProtocolError::message).containsExactly("line 1: 100 mW takes 125 mA at 0.8 V, beyond the "
                        + "channel's rating of ±50 mA; end the step at a higher voltage or lower the power");
        assertThat(withinLimits.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).isEmpty();
    }

    @Test
    void aResistanceIsCheckedAtTheHighestVoltageTheRunAllows() {
        Protocol p = ProtocolParser.parse("Discharge at 40 Ohm for 10 min");
        Protocol limited = ProtocolParser.parse("Limits: 0 V to 1.8 V\nDischarge at 40 Ohm for 10 min");

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).extracting(ProtocolError::message)
                .containsExactly("line 1: 40 Ohm draws up to 65 mA at 2.6 V, beyond the channel's rating of ±50 mA; "
                        + "use at least 52 Ohm or a lower voltage limit");
        assertThat(limited.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).isEmpty();
    }

    @Test
    void aCccvIsCheckedForItsCurrentAndItsVoltage() {
        Protocol p = ProtocolParser.parse("Charge at 80 mA until 2.8 V then hold until 5 mA");

        assertThat(p.checkAgainst(FIFTY_MILLIAMPS, CellMetadata.ofArea(1.0))).extracting(ProtocolError::message)
                .containsExactly("line 1: 80 mA exceeds the channel's rating of ±50 mA",
                        "line 1: the voltage to hold 2.8 V is outside the channel's voltage window -2 V to 2.6 V");
    }
}
