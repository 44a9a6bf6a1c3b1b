package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes a protocol model back as text in the language's canonical form: run settings first
 * (Limits, Record, Stop), then the steps, two spaces of indentation per Repeat level, one unit per
 * kind (mA or mA/cm2, V, mAh, mV/s; times in the largest unit that divides them evenly). Comments
 * and the author's spelling are not part of the model; the original text is kept in
 * {@link Protocol#text()}. Reading the written text gives an equal model.
 */
public final class ProtocolWriter {

    private static final String INDENT = "  ";

    private ProtocolWriter() {
    }

    public static String write(Protocol protocol) {
        StringBuilder out = new StringBuilder();
        protocol.limits().ifPresent(l -> out.append(limits(l)).append('\n'));
        protocol.recording().ifPresent(r -> out.append("Record every ").append(thresholds(r)).append('\n'));
        for (StopCondition stop : protocol.stops()) {
            out.append(stop(stop)).append('\n');
        }
        writeSteps(protocol.steps(), "", out);
        return out.toString();
    }

    /**
     * The same protocol as its canonical text reads: {@link Protocol#text()} that text, each step
     * and stop on the line of that text with that line as its text. A protocol built from JSON is
     * laid out this way, so it is what parsing its canonical text would give.
     */
    public static Protocol canonical(Protocol protocol) {
        int[] line = {0};
        protocol.limits().ifPresent(l -> line[0]++);
        protocol.recording().ifPresent(r -> line[0]++);
        List<StopCondition> stops = new ArrayList<>();
        for (StopCondition stop : protocol.stops()) {
            stops.add(stop.withSource(++line[0], stop(stop)));
        }
        return new Protocol(write(protocol), numbered(protocol.steps(), line), protocol.limits(),
                protocol.recording(), stops);
    }

    private static List<Step> numbered(List<Step> steps, int[] line) {
        List<Step> out = new ArrayList<>();
        for (Step step : steps) {
            int own = ++line[0];
            if (step instanceof Step.Repeat repeat) {
                out.add(new Step.Repeat(own, line(step), repeat.times(), numbered(repeat.steps(), line)));
            } else {
                out.add(step.withSource(own, line(step)));
            }
        }
        return out;
    }

    private static void writeSteps(List<Step> steps, String indent, StringBuilder out) {
        for (Step step : steps) {
            out.append(indent).append(line(step)).append('\n');
            if (step instanceof Step.Repeat) {
                writeSteps(((Step.Repeat) step).steps(), indent + INDENT, out);
            }
        }
    }

    /** The canonical text of one step (a Repeat's head line only). */
    public static String line(Step step) {
        if (step instanceof Step.Repeat) {
            return "Repeat " + times(((Step.Repeat) step).times()) + ":";
        }
        if (step instanceof Step.Ask) {
            return "Ask \"" + ((Step.Ask) step).prompt() + "\"";
        }
        Step.Driven driven = (Step.Driven) step;
        String body = drivenBody(driven);
        return driven.recording().map(r -> body + ", record every " + thresholds(r)).orElse(body);
    }

    private static String drivenBody(Step.Driven step) {
        String ends = ends(step.ends(), EndRules.fallsByDefault(step.kind()));
        if (step instanceof Step.Rest) {
            return "Rest " + ends;
        }
        if (step instanceof Step.ConstantCurrent cc) {
            return verb(cc.direction()) + " at " + current(cc.current()) + " " + ends;
        }
        if (step instanceof Step.ConstantCurrentConstantVoltage cccv) {
            return verb(cccv.direction()) + " at " + current(cccv.current()) + " until " + volts(cccv.volts())
                    + " then hold " + ends;
        }
        if (step instanceof Step.VoltageHold hold) {
            return "Hold at " + volts(hold.volts()) + " " + ends;
        }
        if (step instanceof Step.ConstantPower cp) {
            return verb(cp.direction()) + " at " + power(cp.power()) + " " + ends;
        }
        if (step instanceof Step.ConstantResistance cr) {
            return "Discharge at " + Numbers.exact(cr.ohms()) + " Ohm " + ends;
        }
        if (step instanceof Step.Hold hold) {
            return "Hold at " + volts(hold.potential().volts()) + " vs " + hold.potential().scale().written() + " "
                    + ends;
        }
        if (step instanceof Step.Polarize p) {
            return "Polarize from " + number(p.from()) + " to " + current(p.to()) + " in steps of "
                    + current(p.increment()) + ", " + time(p.dwellMillis()) + " each"
                    + (p.ends().isEmpty() ? "" : ", " + ends);
        }
        if (step instanceof Step.Sweep sweep) {
            return "Sweep from " + volts(sweep.from().volts()) + " to " + volts(sweep.to().volts()) + " vs "
                    + sweep.from().scale().written() + " at " + rate(sweep.voltsPerSecond());
        }
        Step.CyclicVoltammetry cv = (Step.CyclicVoltammetry) step;
        return "Cycle between " + Numbers.exact(cv.first().volts()) + " and " + volts(cv.second().volts()) + " vs "
                + cv.first().scale().written() + " at " + rate(cv.voltsPerSecond()) + ", " + times(cv.cycles());
    }

    private static String verb(Step.Direction direction) {
        return direction == Step.Direction.DISCHARGE ? "Discharge" : "Charge";
    }

    /**
     * "for 10 min or until 0.3 V", "until 0.8 V or 2 h": the first end takes "for" if it is a time,
     * else "until"; later ends are bare unless they need "until" after a "for". A voltage or current
     * end that crosses the other way than usual carries its {@code <} or {@code >}.
     */
    private static String ends(List<StepEnd> ends, boolean fallingDefault) {
        StringJoiner joined = new StringJoiner(" or ");
        boolean untilInForce = false;
        for (int i = 0; i < ends.size(); i++) {
            StepEnd end = ends.get(i);
            boolean isTime = end instanceof StepEnd.AfterTime;
            String keyword = "";
            if (i == 0) {
                keyword = isTime ? "for " : "until ";
                untilInForce = !isTime;
            } else if (!isTime && !untilInForce) {
                keyword = "until ";
                untilInForce = true;
            }
            joined.add(keyword + operator(end, fallingDefault) + end(end));
        }
        return joined.toString();
    }

    private static String operator(StepEnd end, boolean fallingDefault) {
        if (end instanceof StepEnd.AtVoltage v && v.falling() != fallingDefault) {
            return v.falling() ? "< " : "> ";
        }
        if (end instanceof StepEnd.AtCurrent c && !c.falling()) {
            return "> ";
        }
        return "";
    }

    /** One end's quantity in canonical units: "10 min", "0.8 V", "50 mA", "C/20", "5 mAh", "10 mWh". */
    static String end(StepEnd end) {
        if (end instanceof StepEnd.AfterTime t) {
            return time(t.millis());
        }
        if (end instanceof StepEnd.AtVoltage v) {
            return volts(v.volts());
        }
        if (end instanceof StepEnd.AtCurrent c) {
            return current(c.current());
        }
        if (end instanceof StepEnd.AtCapacity c) {
            return Numbers.exact(c.coulombs() / 3.6) + " mAh";
        }
        return Numbers.exact(((StepEnd.AtEnergy) end).joules() / 3.6) + " mWh";
    }

    private static String limits(SafetyLimits l) {
        StringJoiner windows = new StringJoiner(", ");
        if (l.hasVoltageWindow()) {
            windows.add(volts(l.minVolts()) + " to " + volts(l.maxVolts()));
        }
        if (l.minCurrent().isPresent() && l.maxCurrent().isPresent()) {
            windows.add(current(l.minCurrent().get()) + " to " + current(l.maxCurrent().get()));
        }
        return "Limits: " + windows;
    }

    private static String thresholds(RecordRule r) {
        StringJoiner parts = new StringJoiner(" or ");
        r.everyMillis().ifPresent(ms -> parts.add(time(ms)));
        r.everyVolts().ifPresent(v -> parts.add(Numbers.exact(v * 1000) + " mV"));
        r.everyCurrent().ifPresent(c -> parts.add(current(c)));
        return parts.toString();
    }

    private static String stop(StopCondition stop) {
        if (stop instanceof StopCondition.BelowCapacity) {
            StopCondition.BelowCapacity below = (StopCondition.BelowCapacity) stop;
            return "Stop when " + below.kind().written() + " capacity < " + Numbers.exact(below.coulombs() / 3.6)
                    + " mAh";
        }
        StopCondition.BelowFractionOfCycle relative = (StopCondition.BelowFractionOfCycle) stop;
        return "Stop when " + relative.kind().written() + " capacity < " + Numbers.exact(relative.fraction() * 100)
                + " % of cycle " + relative.referenceCycle();
    }

    private static String times(int n) {
        return n == 1 ? "1 time" : n + " times";
    }

    private static String current(Current c) {
        return switch (c.basis()) {
            case ABSOLUTE -> Numbers.exact(c.value() * 1000) + " mA";
            case PER_AREA -> Numbers.exact(c.value() * 1000) + " mA/cm2";
            case C_RATE -> CRates.write(c.value());
        };
    }

    /** A polarization's first level, borrowing the unit of its last: "from 0 to 30 mA/cm2". */
    private static String number(Current c) {
        return c.basis() == Current.Basis.C_RATE ? CRates.write(c.value()) : Numbers.exact(c.value() * 1000);
    }

    private static String power(Power p) {
        return Numbers.exact(p.value() * 1000) + (p.perCm2() ? " mW/cm2" : " mW");
    }

    static String volts(double v) {
        return Numbers.exact(v) + " V";
    }

    private static String rate(double voltsPerSecond) {
        return Numbers.exact(voltsPerSecond * 1000) + " mV/s";
    }

    static String time(long millis) {
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis + " ms";
    }
}
