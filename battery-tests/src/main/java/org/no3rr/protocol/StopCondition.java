package org.no3rr.protocol;

/**
 * A run-level end from a {@code Stop when …} line, checked each time a cycle completes (see
 * the engine's cycle rule).
 */
public sealed interface StopCondition {

    int line();

    String text();

    /** Which capacity of a cycle is compared. */
    enum CapacityKind {
        DISCHARGE("discharge"), CHARGE("charge");

        private final String written;

        CapacityKind(String written) {
            this.written = written;
        }

        public String written() {
            return written;
        }
    }

    /** Stop once a completed cycle's capacity falls below a fraction of a reference cycle's. */
    record BelowFractionOfCycle(int line, String text, CapacityKind kind, double fraction, int referenceCycle)
            implements StopCondition {
    }

    /** Stop once a completed cycle's capacity falls below an absolute capacity, in C. */
    record BelowCapacity(int line, String text, CapacityKind kind, double coulombs) implements StopCondition {
    }

    /**
     * The stop for "{@code kind} capacity below {@code threshold}", a percentage of
     * {@code referenceCycle} or an absolute capacity (then without a reference cycle).
     *
     * @param referenceCycle the cycle a percentage compares with; null for none
     * @throws LineProblem when the threshold is not positive, a percentage is above 100 % or lacks
     *                     its reference cycle, or a capacity has one
     */
    static StopCondition below(int line, String text, CapacityKind kind, Quantity threshold, Integer referenceCycle) {
        String example = StopReader.EXAMPLE;
        if (!(threshold.value() > 0)) {
            throw new LineProblem("the stop threshold must be positive, found '" + threshold.shown() + "'", example);
        }
        if (threshold.kind() == QuantityKind.CAPACITY) {
            if (referenceCycle != null) {
                throw new LineProblem("compare with a cycle as a percentage (80 % of cycle 1), not as a capacity",
                        example);
            }
            return new BelowCapacity(line, text, kind, threshold.value());
        }
        if (referenceCycle == null) {
            throw new LineProblem("a percentage needs a reference cycle: '… % of cycle 1'", example);
        }
        if (threshold.value() > 1) {
            throw new LineProblem("the percentage must be at most 100 %, found '" + threshold.shown() + "'", example);
        }
        Counts.within(referenceCycle, 1, RepeatReader.MOST_TIMES, "the reference cycle", example);
        return new BelowFractionOfCycle(line, text, kind, threshold.value(), referenceCycle);
    }

    /** The same stop written on another line with another text (a JSON stop gets its canonical line). */
    default StopCondition withSource(int line, String text) {
        if (this instanceof BelowCapacity c) {
            return new BelowCapacity(line, text, c.kind(), c.coulombs());
        }
        BelowFractionOfCycle f = (BelowFractionOfCycle) this;
        return new BelowFractionOfCycle(line, text, f.kind(), f.fraction(), f.referenceCycle());
    }
}
