package org.no3rr.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolParserTest {

    @Test
    void thinSliceParsesIntoExactSteps() {
        String text = "Rest for 10 min\nDischarge at 5 mA/cm2 until 0.8 V or 2 h\nCharge at 2 mA until 2.4 V\n";

        Protocol p = ProtocolParser.parse(text);

        assertThat(p.text()).isEqualTo(text);
        assertThat(p.steps()).containsExactly(
                new Step.Rest(1, "Rest for 10 min", List.of(new StepEnd.AfterTime(600_000)), Optional.empty()),
                new Step.ConstantCurrent(2, "Discharge at 5 mA/cm2 until 0.8 V or 2 h", Step.Direction.DISCHARGE,
                        Current.ampsPerCm2(5e-3),
                        List.of(new StepEnd.AtVoltage(0.8, true), new StepEnd.AfterTime(7_200_000)), Optional.empty()),
                new Step.ConstantCurrent(3, "Charge at 2 mA until 2.4 V", Step.Direction.CHARGE,
                        Current.amps(2e-3), List.of(new StepEnd.AtVoltage(2.4, false)), Optional.empty()));
        assertThat(p.limits()).isEmpty();
        assertThat(p.recording()).isEmpty();
        assertThat(p.stops()).isEmpty();
    }

    @Test
    void forTimeOrUntilVoltageAndCapacityEnds() {
        Step.ConstantCurrent step = (Step.ConstantCurrent) ProtocolParser
                .parse("Discharge at 5 mA/cm2 for 10 min or until 0.3 V or 5 mAh").steps().get(0);

        assertThat(step.ends()).containsExactly(new StepEnd.AfterTime(600_000), new StepEnd.AtVoltage(0.3, true),
                new StepEnd.AtCapacity(18.0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Charge at 2 mA until 2.4 V        | 0.002    | false",
            "Charge at 2 ma until 2.4 v        | 0.002    | false",
            "Charge at 0.5 A until 2.4 V       | 0.5      | false",
            "Charge at 250 uA until 2.4 V      | 0.00025  | false",
            "Charge at 250 µA until 2.4 V      | 0.00025  | false",
            "Charge at 250 μA until 2.4 V      | 0.00025  | false",
            "Charge at 2mA until 2.4V          | 0.002    | false",
            "Charge at 5 mA/cm2 until 2.4 V    | 0.005    | true",
            "Charge at 5 mA/cm² until 2.4 V    | 0.005    | true",
            "Charge at 5 mA cm-2 until 2.4 V   | 0.005    | true",
            "charge AT 1e1 mA UNTIL 2.4 V      | 0.01     | false",
    })
    void currentUnits(String line, double expected, boolean perCm2) {
        Step.ConstantCurrent step = (Step.ConstantCurrent) ProtocolParser.parse(line).steps().get(0);

        assertThat(step.current().value()).isCloseTo(expected, within(1e-15));
        assertThat(step.current().perCm2()).isEqualTo(perCm2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Rest for 30 s        | 30000",
            "Rest for 30 sec      | 30000",
            "Rest for 1.5 min     | 90000",
            "Rest for 2 minutes   | 120000",
            "Rest for 2 h         | 7200000",
            "Rest for 1 hour      | 3600000",
            "Rest for 0.25 s      | 250",
    })
    void timeUnits(String line, long millis) {
        Step.Rest rest = (Step.Rest) ProtocolParser.parse(line).steps().get(0);

        assertThat(rest.ends()).containsExactly(new StepEnd.AfterTime(millis));
    }

    @Test
    void millivoltCutOff() {
        Step.ConstantCurrent step = (Step.ConstantCurrent) ProtocolParser.parse("Discharge at 1 mA until 800 mV")
                .steps().get(0);

        assertThat(step.ends()).containsExactly(new StepEnd.AtVoltage(0.8, true));
    }

    @Test
    void nestedRepeatsByIndentationWithCommentsAndBlankLines() {
        String text = String.join("\n",
                "# formation",
                "Rest for 10 min",
                "",
                "Repeat 3 times:",
                "    Discharge at 5 mA/cm2 until 0.8 V   # cut-off",
                "    Repeat 2 times:",
                "\t\tRest for 1 min",
                "    Charge at 5 mA/cm2 until 2.4 V",
                "Rest for 5 min");

        Protocol p = ProtocolParser.parse(text);

        assertThat(p.steps()).hasSize(3);
        Step.Repeat outer = (Step.Repeat) p.steps().get(1);
        assertThat(outer.line()).isEqualTo(4);
        assertThat(outer.times()).isEqualTo(3);
        assertThat(outer.text()).isEqualTo("Repeat 3 times:");
        assertThat(outer.steps()).extracting(Step::line).containsExactly(5, 6, 8);
        assertThat(outer.steps().get(0).text()).isEqualTo("Discharge at 5 mA/cm2 until 0.8 V");
        Step.Repeat inner = (Step.Repeat) outer.steps().get(1);
        assertThat(inner.times()).isEqualTo(2);
        assertThat(inner.steps()).extracting(Step::line).containsExactly(7);
        assertThat(p.steps().get(2).line()).isEqualTo(9);
    }

    @Test
    void windowsLineEndings() {
        Protocol p = ProtocolParser.parse("Rest for 1 min\r\nRepeat 2 times:\r\n  Rest for 2 min\r\n");

        assertThat(p.steps()).extracting(Step::line).containsExactly(1, 2);
    }

    @Test
    void holdOnBothScales() {
        Protocol p = ProtocolParser.parse("Hold at -0.1 V vs RHE for 1 h\nHold at -0.4 V vs Ag/AgCl for 30 min or until 20 C");

        assertThat(p.steps()).containsExactly(
                new Step.Hold(1, "Hold at -0.1 V vs RHE for 1 h", new Potential(-0.1, Potential.Scale.RHE),
                        List.of(new StepEnd.AfterTime(3_600_000)), Optional.empty()),
                new Step.Hold(2, "Hold at -0.4 V vs Ag/AgCl for 30 min or until 20 C",
                        new Potential(-0.4, Potential.Scale.REFERENCE),
                        List.of(new StepEnd.AfterTime(1_800_000), new StepEnd.AtCapacity(20)), Optional.empty()));
    }

    @Test
    void askInQuotesOrAfterColon() {
        Protocol p = ProtocolParser.parse("Ask \"Refresh the electrolyte # and take a sample\"\nAsk: enter the absorbance");

        assertThat(p.steps()).extracting(s -> ((Step.Ask) s).prompt())
                .containsExactly("Refresh the electrolyte # and take a sample", "enter the absorbance");
    }

    @Test
    void limitsRecordAndStopAreRunSettings() {
        Protocol p = ProtocolParser.parse(String.join("\n",
                "Limits: 0.0 V to 2.6 V, -50 mA to 50 mA",
                "Record every 1 s or 5 mV or 0.1 mA",
                "Stop when discharge capacity < 80 % of cycle 1",
                "Stop when charge capacity < 0.5 mAh",
                "Repeat 500 times:",
                "  Discharge at 5 mA/cm2 until 0.8 V, record every 10 s",
                "  Charge at 5 mA/cm2 until 2.4 V"));

        assertThat(p.limits()).contains(new SafetyLimits(0.0, 2.6, Optional.of(Current.amps(-0.05)),
                Optional.of(Current.amps(0.05))));
        assertThat(p.recording()).contains(new RecordRule(OptionalLong.of(1000), OptionalDouble.of(0.005),
                Optional.of(Current.amps(1e-4))));
        assertThat(p.stops()).containsExactly(
                new StopCondition.BelowFractionOfCycle(3, "Stop when discharge capacity < 80 % of cycle 1",
                        StopCondition.CapacityKind.DISCHARGE, 0.8, 1),
                new StopCondition.BelowCapacity(4, "Stop when charge capacity < 0.5 mAh",
                        StopCondition.CapacityKind.CHARGE, 1.8));
        Step.Repeat repeat = (Step.Repeat) p.steps().get(0);
        Step.ConstantCurrent discharge = (Step.ConstantCurrent) repeat.steps().get(0);
        assertThat(discharge.text()).isEqualTo("Discharge at 5 mA/cm2 until 0.8 V, record every 10 s");
        assertThat(discharge.ends()).containsExactly(new StepEnd.AtVoltage(0.8, true));
        assertThat(discharge.recording()).contains(new RecordRule(OptionalLong.of(10_000), OptionalDouble.empty(),
                Optional.empty()));
    }

    @Test
    void limitsMayGiveOnlyOneWindowWithUnitsBorrowed() {
        SafetyLimits limits = ProtocolParser.parse("Limits: -50 to 50 mA/cm2\nRest for 1 min").limits().orElseThrow();

        assertThat(limits.hasVoltageWindow()).isFalse();
        assertThat(limits.minCurrent()).contains(Current.ampsPerCm2(-0.05));
        assertThat(limits.maxCurrent()).contains(Current.ampsPerCm2(0.05));
    }

    @Test
    void polarizeSweepAndCycle() {
        Protocol p = ProtocolParser.parse(String.join("\n",
                "Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 60 s each, until 0.2 V",
                "Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s",
                "Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times"));

        Step.Polarize polarize = (Step.Polarize) p.steps().get(0);
        assertThat(polarize.from()).isEqualTo(Current.ampsPerCm2(0));
        assertThat(polarize.to().value()).isCloseTo(0.03, within(1e-15));
        assertThat(polarize.increment().value()).isCloseTo(0.001, within(1e-15));
        assertThat(polarize.dwellMillis()).isEqualTo(60_000);
        assertThat(polarize.levelCount()).isEqualTo(31L);
        assertThat(polarize.ends()).containsExactly(new StepEnd.AtVoltage(0.2, true));
        Step.Sweep sweep = (Step.Sweep) p.steps().get(1);
        assertThat(sweep.from()).isEqualTo(new Potential(0.2, Potential.Scale.RHE));
        assertThat(sweep.to()).isEqualTo(new Potential(-0.6, Potential.Scale.RHE));
        assertThat(sweep.voltsPerSecond()).isCloseTo(0.01, within(1e-15));
        Step.CyclicVoltammetry cv = (Step.CyclicVoltammetry) p.steps().get(2);
        assertThat(cv.first()).isEqualTo(new Potential(0.1, Potential.Scale.RHE));
        assertThat(cv.second()).isEqualTo(new Potential(0.3, Potential.Scale.RHE));
        assertThat(cv.cycles()).isEqualTo(3);
    }

    @Test
    void outlineListsEveryStepWithItsDepthKindAndCanonicalText() {
        Protocol p = ProtocolParser.parse(String.join("\n",
                "Limits: 0 V to 2.6 V",
                "rest for 600 s",
                "Repeat 2 times:",
                "  Discharge at 5 mA/cm2 until 0.8 V",
                "  Repeat 3 times:",
                "    Hold at -100 mV vs RHE for 1 h",
                "  Ask: refresh",
                "Polarize from 0 to 3 mA in steps of 1 mA, 1 s each",
                "Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s",
                "Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times",
                "Charge at 2 mA until 2.4 V"));

        assertThat(p.outline()).containsExactly(
                new StepOutline(2, 0, StepKind.REST, "rest for 600 s", "Rest for 10 min", 600_000L, true, null),
                new StepOutline(3, 0, StepKind.REPEAT, "Repeat 2 times:", "Repeat 2 times:", null, false, 2),
                new StepOutline(4, 1, StepKind.DISCHARGE, "Discharge at 5 mA/cm2 until 0.8 V",
                        "Discharge at 5 mA/cm2 until 0.8 V", null, false, null),
                new StepOutline(5, 1, StepKind.REPEAT, "Repeat 3 times:", "Repeat 3 times:", 10_800_000L, true, 3),
                new StepOutline(6, 2, StepKind.HOLD, "Hold at -100 mV vs RHE for 1 h", "Hold at -0.1 V vs RHE for 1 h",
                        3_600_000L, true, null),
                new StepOutline(7, 1, StepKind.ASK, "Ask: refresh", "Ask \"refresh\"", 0L, true, null),
                new StepOutline(8, 0, StepKind.POLARIZATION, "Polarize from 0 to 3 mA in steps of 1 mA, 1 s each",
                        "Polarize from 0 to 3 mA in steps of 1 mA, 1 s each", 4_000L, true, null),
                new StepOutline(9, 0, StepKind.SWEEP, "Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s",
                        "Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s", 80_000L, true, null),
                new StepOutline(10, 0, StepKind.CYCLIC_VOLTAMMETRY,
                        "Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times",
                        "Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times", 60_000L, true, null),
                new StepOutline(11, 0, StepKind.CHARGE, "Charge at 2 mA until 2.4 V", "Charge at 2 mA until 2.4 V",
                        null, false, null));
    }

    @Test
    void stepsInsideARepeatKeepTheirOwnLineText() {
        Protocol p = ProtocolParser.parse("Repeat 2 times:\n   Rest for 1 min");

        assertThat(((Step.Repeat) p.steps().get(0)).steps().get(0).text()).isEqualTo("Rest for 1 min");
    }
}
