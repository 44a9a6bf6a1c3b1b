package org.no3rr.protocol;

/** What one line turned out to be: a step, the head of a block, or a run-wide setting. */
sealed interface ParsedLine {

    record StepLine(Step step) implements ParsedLine {
    }

    /** {@code Repeat N times:} — its block follows, indented. */
    record RepeatHead(int times) implements ParsedLine {
    }

    record LimitsLine(SafetyLimits limits) implements ParsedLine {
    }

    record RecordLine(RecordRule rule) implements ParsedLine {
    }

    record StopLine(StopCondition stop) implements ParsedLine {
    }
}
