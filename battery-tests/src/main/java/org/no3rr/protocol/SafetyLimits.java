package org.no3rr.protocol;

import java.util.List;
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

    /**
     * The limits for windows read from a protocol, each {low, high}: a voltage window, a current
     * window (absolute or per area), or both, each once, each with its low end below its high end.
     *
     * @throws LineProblem naming the window that breaks a rule
     */
    public static SafetyLimits of(List<Quantity[]> windows, String example) {
        double minVolts = Double.NaN;
        double maxVolts = Double.NaN;
        Optional<Current> minCurrent = Optional.empty();
        Optional<Current> maxCurrent = Optional.empty();
        for (Quantity[] window : windows) {
            Quantity low = window[0];
            Quantity high = window[1];
            boolean voltage = high.kind() == QuantityKind.VOLTAGE;
            if (low.kind() != high.kind()) {
                throw new LineProblem("both ends of a window are of one kind; found '" + low.shown() + " to "
                        + high.shown() + "'", example);
            }
            if (!(low.value() < high.value())) {
                throw new LineProblem("the low end of '" + low.shown() + " to " + high.shown()
                        + "' must be below the high end", example);
            }
            if (voltage ? !Double.isNaN(minVolts) : minCurrent.isPresent()) {
                throw new LineProblem("the " + (voltage ? "voltage" : "current") + " window is given twice", example);
            }
            if (voltage) {
                minVolts = low.value();
                maxVolts = high.value();
            } else {
                minCurrent = Optional.of(Current.of(low));
                maxCurrent = Optional.of(Current.of(high));
            }
        }
        return new SafetyLimits(minVolts, maxVolts, minCurrent, maxCurrent);
    }
}
