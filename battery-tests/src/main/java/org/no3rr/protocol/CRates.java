package org.no3rr.protocol;

/**
 * Writes a C-rate the way PyBaMM and cyclers do: {@code C/20} when it is the reciprocal of a whole
 * number (so that 1/3 reads back as exactly the same number), else {@code 0.5C}, {@code 2C}.
 */
final class CRates {

    private CRates() {
    }

    static String write(double multiple) {
        if (multiple > 0 && multiple < 1) {
            double divisor = 1 / multiple;
            double whole = Math.rint(divisor);
            if (whole >= 2 && Math.abs(divisor - whole) <= 1e-9 * whole && 1 / whole == multiple) {
                return "C/" + (long) whole;
            }
        }
        return Numbers.exact(multiple) + "C";
    }
}
