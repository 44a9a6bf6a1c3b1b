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
}
