package org.no3rr.protocol;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the potentiostatic steps: {@code Hold at -0.1 V vs RHE for 1 h},
 * {@code Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s},
 * {@code Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times}.
 */
final class PotentialStepReader {

    static final String HOLD_EXAMPLE = "Hold at -0.1 V vs RHE for 1 h";
    static final String SWEEP_EXAMPLE = "Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s";
    static final String CYCLE_EXAMPLE = "Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times";

    /** Faster scans are beyond what a Pi-paced staircase can follow. */
    static final double FASTEST_SCAN_V_PER_S = 10.0;
    static final int MOST_CV_CYCLES = 100_000;

    private static final String SCALE = "\\s+vs\\.?\\s+(\\S+)";
    private static final String Q = Quantities.GROUP;
    private static final Pattern HOLD = Pattern.compile("(?i)hold\\s+at\\s+" + Q + SCALE + "\\s+((?:for|until)\\s.*)");
    private static final Pattern SWEEP = Pattern.compile("(?i)sweep\\s+from\\s+" + Q + "\\s+to\\s+" + Q + SCALE
            + "\\s+at\\s+(.+)");
    private static final Pattern CYCLE = Pattern.compile("(?i)cycle\\s+between\\s+" + Q + "\\s+and\\s+" + Q + SCALE
            + "\\s+at\\s+" + Q + "\\s*,\\s*(\\S+)\\s+times?");

    private PotentialStepReader() {
    }

    static ParsedLine hold(SourceLine line) {
        RecordRuleReader.Split split = RecordRuleReader.split(line.content());
        Matcher m = HOLD.matcher(split.body());
        if (!m.matches()) {
            throw new LineProblem("a hold reads 'Hold at <potential> vs RHE|Ag/AgCl for <time>'", HOLD_EXAMPLE);
        }
        Potential.Scale scale = Potential.Scale.of(m.group(2), HOLD_EXAMPLE);
        double volts = Quantities.read(m.group(1), HOLD_EXAMPLE, QuantityKind.VOLTAGE).value();
        List<StepEnd> ends = EndsReader.read(m.group(3), EndRules.POTENTIAL_HELD, true, HOLD_EXAMPLE);
        return new ParsedLine.StepLine(new Step.Hold(line.number(), line.content(), new Potential(volts, scale), ends,
                split.rule()));
    }

    static ParsedLine sweep(SourceLine line) {
        RecordRuleReader.Split split = RecordRuleReader.split(line.content());
        Matcher m = SWEEP.matcher(split.body());
        if (!m.matches()) {
            throw new LineProblem("a sweep reads 'Sweep from <potential> to <potential> vs RHE|Ag/AgCl at <rate>'",
                    SWEEP_EXAMPLE);
        }
        Potential.Scale scale = Potential.Scale.of(m.group(3), SWEEP_EXAMPLE);
        Quantity to = Quantities.read(m.group(2), SWEEP_EXAMPLE, QuantityKind.VOLTAGE);
        Quantity from = Quantities.read(m.group(1), to.unitText(), SWEEP_EXAMPLE, QuantityKind.VOLTAGE);
        double rate = Quantities.read(m.group(4), SWEEP_EXAMPLE, QuantityKind.SCAN_RATE).value();
        return new ParsedLine.StepLine(new Step.Sweep(line.number(), line.content(),
                new Potential(from.value(), scale), new Potential(to.value(), scale), rate, List.of(), split.rule()));
    }

    static ParsedLine cycle(SourceLine line) {
        RecordRuleReader.Split split = RecordRuleReader.split(line.content());
        Matcher m = CYCLE.matcher(split.body());
        if (!m.matches()) {
            throw new LineProblem("a cyclic voltammetry reads 'Cycle between <potential> and <potential> vs RHE "
                    + "at <rate>, <N> times'", CYCLE_EXAMPLE);
        }
        Potential.Scale scale = Potential.Scale.of(m.group(3), CYCLE_EXAMPLE);
        Quantity second = Quantities.read(m.group(2), CYCLE_EXAMPLE, QuantityKind.VOLTAGE);
        Quantity first = Quantities.read(m.group(1), second.unitText(), CYCLE_EXAMPLE, QuantityKind.VOLTAGE);
        double rate = Quantities.read(m.group(4), CYCLE_EXAMPLE, QuantityKind.SCAN_RATE).value();
        int cycles = Quantities.wholeNumber(m.group(5), 1, MOST_CV_CYCLES, "the number of cycles", CYCLE_EXAMPLE);
        return new ParsedLine.StepLine(new Step.CyclicVoltammetry(line.number(), line.content(),
                new Potential(first.value(), scale), new Potential(second.value(), scale), rate, cycles, List.of(),
                split.rule()));
    }

    /**
     * The rules of a sweep between two potentials, run {@code segments} times (a CV cycle is two):
     * one scale, two different potentials, a scan rate a staircase can follow, at most 10000 h.
     */
    static void checkSweep(Potential a, Potential b, double voltsPerSecond, long segments, String example) {
        if (a.scale() != b.scale()) {
            throw new LineProblem("both potentials are on one scale; found " + a.scale().written() + " and "
                    + b.scale().written(), example);
        }
        if (a.volts() == b.volts()) {
            throw new LineProblem("the two potentials are the same (" + Numbers.format(a.volts())
                    + " V); nothing would be swept", example);
        }
        if (!(voltsPerSecond > 0) || voltsPerSecond > FASTEST_SCAN_V_PER_S) {
            throw new LineProblem("the scan rate must be above 0 and at most "
                    + Numbers.format(FASTEST_SCAN_V_PER_S * 1000) + " mV/s, found "
                    + Numbers.format(voltsPerSecond * 1000) + " mV/s", example);
        }
        double seconds = segments * Math.abs(b.volts() - a.volts()) / voltsPerSecond;
        if (seconds * 1000 > Quantity.LONGEST_MILLIS) {
            throw new LineProblem("this would run for " + Numbers.format(seconds / 3600) + " h; at most 10000 h per "
                    + "line, use Repeat for longer runs", example);
        }
    }
}
