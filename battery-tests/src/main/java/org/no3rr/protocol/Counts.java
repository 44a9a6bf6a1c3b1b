package org.no3rr.protocol;

/** Whole-number settings (repeat counts, CV cycles, reference cycles) and their one range check. */
final class Counts {

    private Counts() {
    }

    /**
     * @throws LineProblem naming {@code what}, the range and the value when it is outside
     */
    static int within(long value, int min, int max, String what, String example) {
        if (value < min || value > max) {
            throw new LineProblem(what + " must be from " + min + " to " + max + ", found " + value, example);
        }
        return (int) value;
    }
}
