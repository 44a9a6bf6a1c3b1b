package org.no3rr.protocol;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * When a reading is kept: once at least one of the thresholds is crossed since the last kept
 * reading. The first and last reading of every step are always kept. Without any rule every
 * reading is kept.
 *
 * @param everyMillis time since the last kept reading
 * @param everyVolts  change of cell voltage since the last kept reading, in V
 * @param everyCurrent change of current since the last kept reading
 */
public record RecordRule(OptionalLong everyMillis, OptionalDouble everyVolts, Optional<Current> everyCurrent) {

    /**
     * The rule for thresholds read from a protocol: each a positive time, voltage or current
     * (absolute or per area), each kind at most once.
     *
     * @throws LineProblem naming the threshold that breaks a rule
     */
    public static RecordRule of(List<Quantity> thresholds, String example) {
        if (thresholds.isEmpty()) {
            throw new LineProblem("give at least one of a time, a voltage or a current", example);
        }
        OptionalLong millis = OptionalLong.empty();
        OptionalDouble volts = OptionalDouble.empty();
        Optional<Current> current = Optional.empty();
        Set<QuantityKind> seen = EnumSet.noneOf(QuantityKind.class);
        for (Quantity q : thresholds) {
            QuantityKind kind = q.kind() == QuantityKind.CURRENT_DENSITY ? QuantityKind.CURRENT : q.kind();
            if (!seen.add(kind)) {
                throw new LineProblem("the recording rule names a " + kind.noun() + " twice", example);
            }
            if (!(q.value() > 0)) {
                throw new LineProblem("a recording threshold must be positive, found '" + q.shown() + "'", example);
            }
            switch (kind) {
                case TIME -> millis = OptionalLong.of(q.millis(example));
                case VOLTAGE -> volts = OptionalDouble.of(q.value());
                case CURRENT -> current = Optional.of(Current.of(q));
                default -> throw new LineProblem("a recording threshold is a time, a voltage or a current, found a "
                        + kind.noun(), example);
            }
        }
        return new RecordRule(millis, volts, current);
    }
}
