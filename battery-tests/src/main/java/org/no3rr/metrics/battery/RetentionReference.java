package org.no3rr.metrics.battery;

import java.util.Arrays;

/**
 * The capacity that retention is measured against. Stated with every retention figure because
 * "retention after 500 cycles" means nothing without it: a first cycle that activates the
 * catalyst can make the same data look like 80 % or 110 %.
 */
public sealed interface RetentionReference {

    /** The discharge capacity of the first cycle given. */
    static RetentionReference firstCycle() {
        return new FirstCycle();
    }

    /** The median discharge capacity of the first {@code k} cycles given (robust to one odd cycle). */
    static RetentionReference medianOfFirst(int k) {
        return new MedianOfFirst(k);
    }

    /** The reference capacity, in the unit of the capacities given. */
    double referenceOf(double[] dischargeCapacities);

    /** How the reference was chosen, for the report. */
    String description();

    record FirstCycle() implements RetentionReference {

        @Override
        public double referenceOf(double[] dischargeCapacities) {
            if (dischargeCapacities.length == 0) {
                throw new IllegalArgumentException("retention needs at least 1 cycle, had 0");
            }
            return dischargeCapacities[0];
        }

        @Override
        public String description() {
            return "discharge capacity of the first cycle";
        }
    }

    /** @param k how many leading cycles, at least 1 */
    record MedianOfFirst(int k) implements RetentionReference {

        public MedianOfFirst {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, was " + k);
            }
        }

        @Override
        public double referenceOf(double[] dischargeCapacities) {
            if (dischargeCapacities.length < k) {
                throw new IllegalArgumentException("median of the first " + k + " cycles needs at least " + k
                        + " cycles, had " + dischargeCapacities.length);
            }
            double[] first = Arrays.copyOf(dischargeCapacities, k);
            Arrays.sort(first);
            return k % 2 == 1 ? first[k / 2] : (first[k / 2 - 1] + first[k / 2]) / 2;
        }

        @Override
        public String description() {
            return "median discharge capacity of the first " + k + " cycles";
        }
    }
}
