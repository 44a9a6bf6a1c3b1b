package org.no3rr.protocol;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

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
}
