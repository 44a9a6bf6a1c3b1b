package org.no3rr.protocol;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rests and the steps that drive a battery, {@code Discharge|Charge at <setpoint> <ends>}:
 * the setpoint's unit picks the mode — a current, current density or C-rate (constant current,
 * or CCCV with {@code … then hold until …}), a power, a resistance, or a voltage (a voltage hold,
 * as PyBaMM reads {@code Charge at 4 V until 5 mA}).
 */
final class CurrentStepReader {

    static final String DISCHARGE_EXAMPLE = "Discharge at 5 mA/cm2 until 0.8 V or 2 h";
    static final String CHARGE_EXAMPLE = "Charge at 2 mA until 2.4 V";
    static final String POWER_EXAMPLE = "Discharge at 2 mW until 0.8 V or 1 h";
    static final String RESISTANCE_EXAMPLE = "Discharge at 100 Ohm for 10 min or until 0.8 V";
    static final String REST_EXAMPLE = "Rest for 10 min";

    private static final Pattern DRIVE =
            Pattern.compile("(?i)(discharge|charge)\\s+at\\s+(.+?)\\s+((?:until|for)\\s.*)");
    private static final Pattern THEN_HOLD =
            Pattern.compile("(?is)until\\s+(.+?)\\s+then\\s+hold\\s+((?:until|for)\\s.*)");
    private static final Pattern REST = Pattern.compile("(?i)rest\\s+(for\\s.*)");

    private CurrentStepReader() {
    }

    static String example(Step.Direction direction) {
        return direction == Step.Direction.DISCHARGE ? DISCHARGE_EXAMPLE : CHARGE_EXAMPLE;
    }

    static ParsedLine drive(SourceLine line) {
        RecordRuleReader.Split split = RecordRuleReader.split(line.content());
        boolean discharge = split.body().toLowerCase(Locale.ROOT).startsWith("discharge");
        Step.Direction direction = discharge ? Step.Direction.DISCHARGE : Step.Direction.CHARGE;
        String example = example(direction);
        Matcher m = DRIVE.matcher(split.body());
        if (!m.matches()) {
            throw new LineProblem("a " + direction.written() + " step reads '"
                    + (discharge ? "Discharge" : "Charge") + " at <current> until <end>'", example);
        }
        Quantity setpoint = Quantities.read(m.group(2), example, QuantityKind.CURRENT_DENSITY, QuantityKind.CURRENT,
                QuantityKind.C_RATE, QuantityKind.POWER, QuantityKind.POWER_DENSITY, QuantityKind.RESISTANCE,
                QuantityKind.VOLTAGE);
        Matcher cccv = THEN_HOLD.matcher(m.group(3));
        if (cccv.matches()) {
            return new ParsedLine.StepLine(constantCurrentConstantVoltage(line, direction, setpoint, cccv,
                    split));
        }
        boolean fallingDefault = EndRules.fallsByDefault(direction.kind());
        Step step = switch (setpoint.kind()) {
            case POWER, POWER_DENSITY -> new Step.ConstantPower(line.number(), line.content(), direction,
                    Power.of(setpoint), EndsReader.read(m.group(3), EndRules.DRIVEN, fallingDefault, POWER_EXAMPLE),
                    split.rule());
            case RESISTANCE -> resistance(line, direction, setpoint, m.group(3), split);
            case VOLTAGE -> new Step.VoltageHold(line.number(), line.content(), setpoint.value(),
                    EndsReader.read(m.group(3), EndRules.VOLTAGE_HELD, true, VoltageStepReader.HOLD_EXAMPLE),
                    split.rule());
            default -> new Step.ConstantCurrent(line.number(), line.content(), direction, Current.of(setpoint),
                    EndsReader.read(m.group(3), EndRules.DRIVEN, fallingDefault, example), split.rule());
        };
        return new ParsedLine.StepLine(step);
    }

    private static Step constantCurrentConstantVoltage(SourceLine line, Step.Direction direction, Quantity setpoint,
                                                       Matcher cccv, RecordRuleReader.Split split) {
        String example = VoltageStepReader.CCCV_EXAMPLE;
        if (setpoint.kind() != QuantityKind.CURRENT && setpoint.kind() != QuantityKind.CURRENT_DENSITY
                && setpoint.kind() != QuantityKind.C_RATE) {
            throw new LineProblem("only a constant current can go on with 'then hold'; found a "
                    + setpoint.kind().noun() + " (" + Numbers.format(setpoint.value()) + " " + setpoint.unitText()
                    + ")", example);
        }
        double volts = Quantities.read(cccv.group(1), example, QuantityKind.VOLTAGE).value();
        List<StepEnd> ends = EndsReader.read(cccv.group(2), EndRules.VOLTAGE_HELD, true, example);
        return new Step.ConstantCurrentConstantVoltage(line.number(), line.content(), direction,
                Current.of(setpoint), volts, ends, split.rule());
    }

    private static Step resistance(SourceLine line, Step.Direction direction, Quantity ohms, String ends,
                                   RecordRuleReader.Split split) {
        if (direction == Step.Direction.CHARGE) {
            throw new LineProblem("a resistance can only discharge a cell; write 'Discharge at "
                    + Numbers.format(ohms.value()) + " Ohm …'", RESISTANCE_EXAMPLE);
        }
        return new Step.ConstantResistance(line.number(), line.content(), ohms.value(),
                EndsReader.read(ends, EndRules.DRIVEN, true, RESISTANCE_EXAMPLE), split.rule());
    }

    static ParsedLine rest(SourceLine line) {
        RecordRuleReader.Split split = RecordRuleReader.split(line.content());
        Matcher m = REST.matcher(split.body());
        if (!m.matches()) {
            throw new LineProblem("a rest reads 'Rest for <time>'", REST_EXAMPLE);
        }
        List<StepEnd> ends = EndsReader.read(m.group(1), EndRules.TIME, true, REST_EXAMPLE);
        return new ParsedLine.StepLine(new Step.Rest(line.number(), line.content(), ends, split.rule()));
    }
}
