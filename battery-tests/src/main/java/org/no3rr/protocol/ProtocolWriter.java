package org.no3rr.protocol;

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
        if (step instanceof Step.Rest) {
            return "Rest " + ends(step.ends());
        }
        if (step instanceof Step.ConstantCurrent) {
            Step.ConstantCurrent cc = (Step.ConstantCurrent) step;
            String verb = cc.direction() == Step.Direction.DISCHARGE ? "Discharge" : "Charge";
            return verb + " at " + current(cc.current()) + " " + ends(step.ends());
        }
        if (step instanceof Step.Hold) {
            Step.Hold hold = (Step.Hold) step;
            return "Hold at " + volts(hold.potential().volts()) + " vs " + hold.potential().scale().written() + " "
                    + ends(step.ends());
        }
        if (step instanceof Step.Polarize) {
            Step.Polarize p = (Step.Polarize) step;
            String until = p.ends().isEmpty() ? "" : ", " + ends(p.ends());
            return "Polarize from " + Numbers.exact(p.from().value() * 1000) + " to " + current(p.to())
                    + " in steps of " + current(p.increment()) + ", " + time(p.dwellMillis()) + " each" + until;
        }
        if (step instanceof Step.Sweep) {
            Step.Sweep sweep = (Step.Sweep) step;
            return "Sweep from " + volts(sweep.from().volts()) + " to " + volts(sweep.to().volts()) + " vs "
                    + sweep.from().scale().written() + " at " + rate(sweep.voltsPerSecond());
        }
        Step.CyclicVoltammetry cv = (Step.CyclicVoltammetry) step;
        return "Cycle between " + Numbers.exact(cv.first().volts()) + " and " + volts(cv.second().volts()) + " vs "
                + cv.first().scale().written() + " at " + rate(cv.voltsPerSecond()) + ", " + times(cv.cycles());
    }

    /**
     * "for 10 min or until 0.3 V", "until 0.8 V or 2 h": the first end takes "for" if it is a time,
     * else "until"; later ends are bare unless they need "until" after a "for".
     */
    private static String ends(List<StepEnd> ends) {
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
            joined.add(keyword + end(end));
        }
        return joined.toString();
    }

    private static String end(StepEnd end) {
        if (end instanceof StepEnd.AfterTime) {
            return time(((StepEnd.AfterTime) end).millis());
        }
        if (end instanceof StepEnd.AtVoltage) {
            return volts(((StepEnd.AtVoltage) end).volts());
        }
        return Numbers.exact(((StepEnd.AtCapacity) end).coulombs() / 3.6) + " mAh";
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
        return Numbers.exact(c.value() * 1000) + (c.perCm2() ? " mA/cm2" : " mA");
    }

    private static String volts(double v) {
        return Numbers.exact(v) + " V";
    }

    private static String rate(double voltsPerSecond) {
        return Numbers.exact(voltsPerSecond * 1000) + " mV/s";
    }

    private static String time(long millis) {
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
