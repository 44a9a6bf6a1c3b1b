package org.no3rr.protocol;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules every step's ends obey, checked by the step records themselves. */
final class EndRules {

    static final Set<StepEnd.Kind> TIME = EnumSet.of(StepEnd.Kind.TIME);
    /** A step that drives a current or a power: a time, a voltage cut-off, a charge or an energy. */
    static final Set<StepEnd.Kind> DRIVEN = EnumSet.of(StepEnd.Kind.TIME, StepEnd.Kind.VOLTAGE,
            StepEnd.Kind.CAPACITY, StepEnd.Kind.ENERGY);
    /** A step that holds a cell voltage: its current falls, so it may end on a current but not a voltage. */
    static final Set<StepEnd.Kind> VOLTAGE_HELD = EnumSet.of(StepEnd.Kind.TIME, StepEnd.Kind.CURRENT,
            StepEnd.Kind.CAPACITY, StepEnd.Kind.ENERGY);
    static final Set<StepEnd.Kind> POTENTIAL_HELD = EnumSet.of(StepEnd.Kind.TIME, StepEnd.Kind.CAPACITY);
    static final Set<StepEnd.Kind> VOLTAGE = EnumSet.of(StepEnd.Kind.VOLTAGE);
    static final Set<StepEnd.Kind> NONE = EnumSet.noneOf(StepEnd.Kind.class);

    private EndRules() {
    }

    /**
     * The ends as an unmodifiable list, once checked: only {@code allowed} kinds, each at most
     * once, and at least one when {@code required}.
     *
     * @param step how the step is called in a message, e.g. "a rest"
     * @throws LineProblem naming the end that breaks a rule
     */
    static List<StepEnd> check(List<StepEnd> ends, Set<StepEnd.Kind> allowed, boolean required, String step,
                               String example) {
        List<StepEnd> copy = List.copyOf(ends);
        if (required && copy.isEmpty()) {
            throw new LineProblem(step + " needs an end: " + nouns(allowed), example);
        }
        Set<StepEnd.Kind> seen = EnumSet.noneOf(StepEnd.Kind.class);
        for (StepEnd end : copy) {
            if (!allowed.contains(end.kind())) {
                throw new LineProblem(step + " cannot end at " + end.kind().withArticle() + " (" + ProtocolWriter.end(end)
                        + ")" + (allowed.isEmpty() ? "; it ends by itself" : "; it ends on " + nouns(allowed)),
                        example);
            }
            if (!seen.add(end.kind())) {
                throw new LineProblem("two ends of the same kind (" + end.kind().noun() + ", "
                        + ProtocolWriter.end(end) + "); give each kind once", example);
            }
        }
        return copy;
    }

    /** Which way a voltage end crosses unless written with {@code <} or {@code >}. */
    static boolean fallsByDefault(StepKind kind) {
        return kind.voltageEndFalls();
    }

    private static String nouns(Set<StepEnd.Kind> kinds) {
        List<String> nouns = kinds.stream().map(StepEnd.Kind::withArticle).collect(Collectors.toList());
        if (nouns.size() < 2) {
            return String.join("", nouns);
        }
        return String.join(", ", nouns.subList(0, nouns.size() - 1)) + " or " + nouns.get(nouns.size() - 1);
    }
}
