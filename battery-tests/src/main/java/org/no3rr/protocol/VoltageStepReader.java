package org.no3rr.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a battery's cell-voltage hold, {@code Hold at 4.1 V until 50 mA} — a hold without a
 * potential scale. ({@code Hold at -0.1 V vs RHE …} is a potential hold, read by
 * {@link PotentialStepReader}; a CCCV line is read with the other charge steps.)
 */
final class VoltageStepReader {

    static final String HOLD_EXAMPLE = "Hold at 2.4 V until 1 mA or 2 h";
    static final String CCCV_EXAMPLE = "Charge at 5 mA/cm2 until 2.4 V then hold until 0.5 mA/cm2 or 2 h";

    private static final Pattern HOLD = Pattern.compile("(?i)hold\\s+at\\s+(.+?)\\s+((?:for|until)\\s.*)");
    /** A potential has a scale ("vs RHE"); a cell voltage has none. */
    private static final Pattern HAS_SCALE = Pattern.compile("(?i)\\svs\\.?\\s");

    private VoltageStepReader() {
    }

    /** A hold line: a potential hold when it names a scale, else a cell-voltage hold. */
    static ParsedLine holdOrPotentialHold(SourceLine line) {
        return HAS_SCALE.matcher(line.content()).find() ? PotentialStepReader.hold(line) : hold(line);
    }

    private static ParsedLine hold(SourceLine line) {
        RecordRuleReader.Split split = RecordRuleReader.split(line.content());
        Matcher m = HOLD.matcher(split.body());
        if (!m.matches()) {
            throw new LineProblem("a hold reads 'Hold at <potential> vs RHE|Ag/AgCl for <time>' (a potential) or "
                    + "'Hold at <voltage> until <current>' (a cell voltage)", PotentialStepReader.HOLD_EXAMPLE);
        }
        double volts = Quantities.read(m.group(1), HOLD_EXAMPLE, QuantityKind.VOLTAGE).value();
        return new ParsedLine.StepLine(new Step.VoltageHold(line.number(), line.content(), volts,
                EndsReader.read(m.group(2), EndRules.VOLTAGE_HELD, true, HOLD_EXAMPLE), split.rule()));
    }
}
