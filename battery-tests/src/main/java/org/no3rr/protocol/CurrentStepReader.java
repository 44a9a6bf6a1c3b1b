package org.no3rr.protocol;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the galvanostatic steps and rests: {@code Discharge|Charge at <current> until …}, {@code Rest for …}. */
final class CurrentStepReader {

    static final String DISCHARGE_EXAMPLE = "Discharge at 5 mA/cm2 until 0.8 V or 2 h";
    static final String CHARGE_EXAMPLE = "Charge at 2 mA until 2.4 V";
    static final String REST_EXAMPLE = "Rest for 10 min";

    private static final Pattern CONSTANT_CURRENT =
            Pattern.compile("(?i)(discharge|charge)\\s+at\\s+(.+?)\\s+((?:until|for)\\s.*)");
    private static final Pattern REST = Pattern.compile("(?i)rest\\s+(for\\s.*)");

    private CurrentStepReader() {
    }

    static ParsedLine constantCurrent(SourceLine line) {
        RecordRuleReader.Split split = RecordRuleReader.split(line.content());
        boolean discharge = split.body().toLowerCase(Locale.ROOT).startsWith("discharge");
        Step.Direction direction = discharge ? Step.Direction.DISCHARGE : Step.Direction.CHARGE;
        String example = discharge ? DISCHARGE_EXAMPLE : CHARGE_EXAMPLE;
        Matcher m = CONSTANT_CURRENT.matcher(split.body());
        if (!m.matches()) {
            throw new LineProblem("a " + direction.written() + " step reads '"
                    + (discharge ? "Discharge" : "Charge") + " at <current> until <end>'", example);
        }
        Quantity current = Quantities.read(m.group(2), example, Unit.Kind.CURRENT_DENSITY, Unit.Kind.CURRENT);
        if (!(current.value() > 0)) {
            throw new LineProblem("give the current as a positive magnitude, found '" + m.group(2).trim()
                    + "'; '" + direction.written() + "' already sets the sign", example);
        }
        List<StepEnd> ends = EndsReader.read(m.group(3),
                EnumSet.of(Unit.Kind.TIME, Unit.Kind.VOLTAGE, Unit.Kind.CAPACITY), discharge, example);
        return new ParsedLine.StepLine(new Step.ConstantCurrent(line.number(), line.content(), direction,
                Current.of(current), ends, split.rule()));
    }

    static ParsedLine rest(SourceLine line) {
        RecordRuleReader.Split split = RecordRuleReader.split(line.content());
        Matcher m = REST.matcher(split.body());
        if (!m.matches()) {
            throw new LineProblem("a rest reads 'Rest for <time>'", REST_EXAMPLE);
        }
        List<StepEnd> ends = EndsReader.read(m.group(1), EnumSet.of(Unit.Kind.TIME), true, REST_EXAMPLE);
        return new ParsedLine.StepLine(new Step.Rest(line.number(), line.content(), ends, split.rule()));
    }
}
