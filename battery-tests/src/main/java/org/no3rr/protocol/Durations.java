package org.no3rr.protocol;

/** Turns a time quantity into whole milliseconds within what a single step may last. */
final class Durations {

    /** 10,000 h (over a year): longer steps are typos; long runs are written with Repeat. */
    static final long LONGEST_MILLIS = 10_000L * 3_600_000L;

    private Durations() {
    }

    static long millis(Quantity time, String example) {
        double millis = time.value();
        if (!(millis >= 1)) {
            throw new LineProblem("a time must be at least 1 ms, found " + Numbers.format(millis) + " ms", example);
        }
        if (millis > LONGEST_MILLIS) {
            throw new LineProblem("a time must be at most 10000 h, found " + Numbers.format(millis / 3_600_000)
                    + " h; use Repeat for longer runs", example);
        }
        return Math.round(millis);
    }
}
