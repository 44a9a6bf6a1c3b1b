package org.no3rr.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.no3rr.cell.CellMetadata;

/** The battery step modes of a commercial cycler and PyBaMM: CC at C-rates, CV, CP, CR, CCCV, and their ends. */
class StepModesTest {

    /** 2 cm², 5 mAh nominal. */
    private static final CellMetadata CELL = CellMetadata.ofArea(2.0).withNominalCapacityAh(0.005);

    private static Step only(String line) {
        return ProtocolParser.parse(line).steps().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Discharge at 1C for 1 h      | 1.0  | 1C",
            "Discharge at 1 C for 1 h     | 1.0  | 1C",
            "Discharge at 0.5 C for 1 h   | 0.5  | C/2",
            "Discharge at 0.3C for 1 h    | 0.3  | 0.3C",
            "Discharge at 2c for 1 h      | 2.0  | 2C",
            "Discharge at C for 1 h       | 1.0  | 1C",
            "Discharge at C/20 for 1 h    | 0.05 | C/20",
            "Discharge at C / 3 for 1 h   | 0.3333333333333333 | C/3",
    })
    void cRatesAsPybammWritesThem(String line, double multiple, String canonical) {
        Step.ConstantCurrent step = (Step.ConstantCurrent) only(line);

        assertThat(step.current()).isEqualTo(Current.cRate(multiple));
        assertThat(ProtocolWriter.line(step)).isEqualTo("Discharge at " + canonical + " for 1 h");
        assertThat(step.amps(CELL)).isEqualTo(-multiple * 0.005);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Rest for 90 s | 90000", "Rest for 90 sec | 90000", "Rest for 1 second | 1000",
            "Rest for 90 seconds | 90000", "Rest for 5 m | 300000", "Rest for 5 min | 300000",
            "Rest for 1 minute | 60000", "Rest for 5 minutes | 300000", "Rest for 2 h | 7200000",
            "Rest for 2 hr | 7200000", "Rest for 1 hour | 3600000", "Rest for 2 hours | 7200000",
            "Rest for 1h | 3600000", "Rest for 0.5 hours | 1800000"})
    void pybammsTimeUnits(String line, long millis) {
        assertThat(((Step.Rest) only(line)).ends()).containsExactly(new StepEnd.AfterTime(millis));
    }

    @Test
    void aCellVoltageHoldIsNotAPotentialHold() {
        Step.VoltageHold cv = (Step.VoltageHold) only("Hold at 2.4 V until 1 mA or 2 h");
        Step.Hold potentiostatic = (Step.Hold) only("Hold at -0.1 V vs RHE for 1 h");

        assertThat(cv.volts()).isEqualTo(2.4);
        assertThat(cv.ends()).containsExactly(new StepEnd.AtCurrent(Current.amps(0.001), true),
                new StepEnd.AfterTime(7_200_000));
        assertThat(cv.kind()).isEqualTo(StepKind.VOLTAGE_HOLD);
        assertThat(potentiostatic.kind()).isEqualTo(StepKind.HOLD);
        assertThat(ProtocolParser.parse("Hold at 2.4 V until 1 mA").needsPotentialControl()).isFalse();
    }

    @Test
    void constantPowerAbsoluteOrPerAreaWithTheStationsSign() {
        Step.ConstantPower discharge = (Step.ConstantPower) only("Discharge at 2 W for 10 minutes");
        Step.ConstantPower charge = (Step.ConstantPower) only("Charge at 5 mW/cm2 until 2.4 V");

        assertThat(discharge.watts(CELL)).isEqualTo(-2.0);
        assertThat(charge.watts(CELL)).isEqualTo(0.01);
        assertThat(charge.ends()).containsExactly(new StepEnd.AtVoltage(2.4, false));
        assertThat(ProtocolWriter.line(discharge)).isEqualTo("Discharge at 2000 mW for 10 min");
        assertThat(ProtocolWriter.line(charge)).isEqualTo("Charge at 5 mW/cm2 until 2.4 V");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Discharge at 4 Ohm for 1 min | 4", "Discharge at 4 ohms for 1 min | 4", "Discharge at 4 Ω for 1 min | 4",
            "Discharge at 2 kOhm for 1 min | 2000", "Discharge at 500 mOhm for 1 min | 0.5",
            "Discharge at 1 MOhm for 1 min | 1000000"})
    void constantResistanceInOhms(String line, double ohms) {
        Step.ConstantResistance step = (Step.ConstantResistance) only(line);

        assertThat(step.ohms()).isEqualTo(ohms);
        assertThat(step.kind()).isEqualTo(StepKind.DISCHARGE);
    }

    @Test
    void cccvAsOneLine() {
        Step.ConstantCurrentConstantVoltage step = (Step.ConstantCurrentConstantVoltage)
                only("Charge at 1C until 4.2 V then hold until C/20 or 3 h");

        assertThat(step).isEqualTo(new Step.ConstantCurrentConstantVoltage(1,
                "Charge at 1C until 4.2 V then hold until C/20 or 3 h", Step.Direction.CHARGE, Current.cRate(1), 4.2,
                List.of(new StepEnd.AtCurrent(Current.cRate(0.05), true), new StepEnd.AfterTime(10_800_000)),
                Optional.empty()));
        assertThat(step.amps(CELL)).isEqualTo(0.005);
        assertThat(step.voltageFalls()).isFalse();
        assertThat(step.kind()).isEqualTo(StepKind.CHARGE);
        assertThat(ProtocolWriter.line(step)).isEqualTo("Charge at 1C until 4.2 V then hold until C/20 or 3 h");
    }

    @Test
    void cccvAsTwoSteps() {
        Protocol p = ProtocolParser.parse("Charge at 5 mA/cm2 until 2.4 V\nHold at 2.4 V until 0.5 mA/cm2");

        assertThat(p.steps()).extracting(Step::kind).containsExactly(StepKind.CHARGE, StepKind.VOLTAGE_HOLD);
        assertThat(((Step.VoltageHold) p.steps().get(1)).ends().get(0))
                .isEqualTo(new StepEnd.AtCurrent(Current.ampsPerCm2(0.0005), true));
        assertThat(((StepEnd.AtCurrent) ((Step.VoltageHold) p.steps().get(1)).ends().get(0)).amps(CELL))
                .isEqualTo(0.001);
    }

    @Test
    void operatorsSayWhichWayAVoltageOrCurrentCrossesAndAreWrittenOnlyWhenUnusual() {
        Protocol p = ProtocolParser.parse(String.join("\n",
                "Discharge at 1 mA until < 0.8 V",
                "Discharge at 1 mA for 1 h or until > 1.6 V",
                "Charge at 1 mA until <1.2 V",
                "Hold at 2 V until > 5 mA"));

        assertThat(p.steps()).extracting(s -> ((Step.Driven) s).ends()).containsExactly(
                List.of(new StepEnd.AtVoltage(0.8, true)),
                List.of(new StepEnd.AfterTime(3_600_000), new StepEnd.AtVoltage(1.6, false)),
                List.of(new StepEnd.AtVoltage(1.2, true)),
                List.of(new StepEnd.AtCurrent(Current.amps(0.005), false)));
        assertThat(ProtocolWriter.write(p)).isEqualTo(String.join("\n",
                "Discharge at 1 mA until 0.8 V",
                "Discharge at 1 mA for 1 h or until > 1.6 V",
                "Charge at 1 mA until < 1.2 V",
                "Hold at 2 V until > 5 mA", ""));
    }

    @Test
    void energyAndCapacityEnds() {
        Step.ConstantCurrent step = (Step.ConstantCurrent) only("Discharge at 1 mA until 10 mWh or 2 mAh");

        assertThat(step.ends()).containsExactly(new StepEnd.AtEnergy(36.0), new StepEnd.AtCapacity(7.2));
        assertThat(ProtocolWriter.line(step)).isEqualTo("Discharge at 1 mA until 10 mWh or 2 mAh");
        assertThat(((Step.Driven) only("Charge at 1 mA until 0.5 Wh")).ends())
                .containsExactly(new StepEnd.AtEnergy(1800.0));
    }

    @Test
    void aCInAnEndIsACRateWhereTheStepCanEndOnACurrentAndCoulombsElsewhere() {
        Step.VoltageHold hold = (Step.VoltageHold) only("Hold at 2.4 V until 0.05 C or 3.6 mAh");
        Step.ConstantCurrent discharge = (Step.ConstantCurrent) only("Discharge at 1 mA until 36 C");

        assertThat(hold.ends()).containsExactly(new StepEnd.AtCurrent(Current.cRate(0.05), true),
                new StepEnd.AtCapacity(12.96));
        assertThat(discharge.ends()).containsExactly(new StepEnd.AtCapacity(36));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Charge at 4 Ohm for 1 min                            | a resistance can only discharge a cell",
            "Discharge at 2 W until 5 mA                           | a constant-power discharge cannot end at a current",
            "Hold at 2.4 V until 0.8 V                             | a voltage hold cannot end at a voltage",
            "Charge at C/20 until 4.2 V then hold until C/10       | the hold would end as soon as it began",
            "Charge at 2 W until 4.2 V then hold until 1 mA        | only a constant current can go on with 'then hold'",
            "Rest for 1 h (1 min period), record every 1 s         | give a step's recording interval once",
            "Discharge at 1 mA until < 2 h                         | '<' and '>' go with a voltage or a current",
            "Hold at 11 V until 1 mA                               | a cell voltage must be between -10 V and 10 V",
            "Discharge at -1C for 1 h                              | give the current as a positive magnitude",
            "Discharge at 0 W for 1 h                              | give the power as a positive magnitude",
            "Discharge at C/0 for 1 h                              | a C-rate C/N needs N above 0",
            "Hold at 2.4 V until -1 mA                             | a current end is a positive magnitude",
            "Discharge at 1 mA until 0 mWh                         | an energy end must be positive",
            "Discharge at 1 mA until 1 mWh or 1 J                  | two ends of the same kind (energy, 0.277777777778 mWh)",
            "Rest for 10 min (soon period)                         | expected a time",
    })
    void brokenRulesAreNamed(String line, String message) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> ProtocolParser.parse(line));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).startsWith("line 1: ").contains(message);
            assertThat(ProtocolParser.parse(error.example())).isNotNull();
        });
    }
}
