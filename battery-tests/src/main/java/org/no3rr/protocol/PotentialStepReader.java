package org.no3rr.protocol;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
    /** No electrochemical cell is driven beyond this; larger values are typos. */
    static final double LARGEST_POTENTIAL_V = 10.0;

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
        Potential.Scale scale = scale(m.group(2), HOLD_EXAMPLE);
        double volts = potential(Quantities.read(m.group(1), HOLD_EXAMPLE, Unit.Kind.VOLTAGE), HOLD_EXAMPLE);
        List<StepEnd> ends = EndsReader.read(m.group(3), EnumSet.of(Unit.Kind.TIME, Unit.Kind.CAPACITY), true,
                HOLD_EXAMPLE);
        if (ends.stream().noneMatch(e -> e instanceof StepEnd.AfterTime)) {
            throw new LineProblem("a hold needs a time, so it cannot run forever", HOLD_EXAMPLE);
        }
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
        Potential.Scale scale = scale(m.group(3), SWEEP_EXAMPLE);
        Quantity to = Quantities.read(m.group(2), SWEEP_EXAMPLE, Unit.Kind.VOLTAGE);
        Quantity from = Quantities.read(m.group(1), to.unitText(), SWEEP_EXAMPLE, Unit.Kind.VOLTAGE);
        requireDistinct(from, to, SWEEP_EXAMPLE);
        double rate = scanRate(m.group(4), SWEEP_EXAMPLE);
        requireShortEnough(Math.abs(potential(to, SWEEP_EXAMPLE) - potential(from, SWEEP_EXAMPLE)) / rate,
                SWEEP_EXAMPLE);
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
        Potential.Scale scale = scale(m.group(3), CYCLE_EXAMPLE);
        Quantity second = Quantities.read(m.group(2), CYCLE_EXAMPLE, Unit.Kind.VOLTAGE);
        Quantity first = Quantities.read(m.group(1), second.unitText(), CYCLE_EXAMPLE, Unit.Kind.VOLTAGE);
        requireDistinct(first, second, CYCLE_EXAMPLE);
        double rate = scanRate(m.group(4), CYCLE_EXAMPLE);
        int cycles = Quantities.wholeNumber(m.group(5), 1, MOST_CV_CYCLES, "the number of cycles", CYCLE_EXAMPLE);
        requireShortEnough(2 * cycles * Math.abs(potential(second, CYCLE_EXAMPLE) - potential(first, CYCLE_EXAMPLE))
                / rate, CYCLE_EXAMPLE);
        return new ParsedLine.StepLine(new Step.CyclicVoltammetry(line.number(), line.content(),
                new Potential(first.value(), scale), new Potential(second.value(), scale), rate, cycles, List.of(),
                split.rule()));
    }

    private static Potential.Scale scale(String written, String example) {
        switch (written.toLowerCase(Locale.ROOT)) {
            case "rhe":
                return Potential.Scale.RHE;
            case "ag/agcl":
            case "ref":
            case "reference":
                return Potential.Scale.REFERENCE;
            default:
                throw new LineProblem("unknown potential scale '" + written + "'; write 'vs RHE' or 'vs Ag/AgCl'",
                        example);
        }
    }

    private static double potential(Quantity q, String example) {
        if (Math.abs(q.value()) > LARGEST_POTENTIAL_V) {
            throw new LineProblem("a potential must be between -" + Numbers.format(LARGEST_POTENTIAL_V) + " V and "
                    + Numbers.format(LARGEST_POTENTIAL_V) + " V, found " + Numbers.format(q.value()) + " V", example);
        }
        return q.value();
    }

    private static void requireShortEnough(double seconds, String example) {
        if (seconds * 1000 > Durations.LONGEST_MILLIS) {
            throw new LineProblem("this would run for " + Numbers.format(seconds / 3600) + " h; at most 10000 h per "
                    + "line, use Repeat for longer runs", example);
        }
    }

    private static void requireDistinct(Quantity a, Quantity b, String example) {
        if (a.value() == b.value()) {
            throw new LineProblem("the two potentials are the same (" + Numbers.format(a.value())
                    + " V); nothing would be swept", example);
        }
    }

    private static double scanRate(String written, String example) {
        double rate = Quantities.read(written, example, Unit.Kind.SCAN_RATE).value();
        if (!(rate > 0) || rate > FASTEST_SCAN_V_PER_S) {
            throw new LineProblem("the scan rate must be above 0 and at most "
                    + Numbers.format(FASTEST_SCAN_V_PER_S * 1000) + " mV/s, found '" + written.trim() + "'", example);
        }
        return rate;
    }
}
