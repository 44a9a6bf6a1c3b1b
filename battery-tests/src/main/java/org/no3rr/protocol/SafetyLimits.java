package org.no3rr.protocol;

import java.util.Optional;

/**
 * Run-wide safety window from a {@code Limits:} line. Checked on every reading before any step
 * end; a breach puts the channel in its safe state and faults the run.
 *
 * @param minVolts   lowest allowed cell voltage in V, or NaN for none
 * @param maxVolts   highest allowed cell voltage in V, or NaN for none
 * @param minCurrent lowest allowed current (most negative), empty for none
 * @param maxCurrent highest allowed current, empty for none
 */
public record SafetyLimits(double minVolts, double maxVolts, Optional<Current> minCurrent,
                           Optional<Current> maxCurrent) {

    public boolean hasVoltageWindow() {
        return !Double.isNaN(minVolts);
    }
}
