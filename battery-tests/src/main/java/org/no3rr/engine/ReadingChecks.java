package org.no3rr.engine;

import java.util.Optional;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.Measurement;
import org.no3rr.protocol.Current;
import org.no3rr.protocol.SafetyLimits;

/**
 * The run-wide safety watch, applied to every reading before any step end: a reading that is not a
 * number, or a voltage or current outside the protocol's {@code Limits:}, faults the run.
 */
final class ReadingChecks {

    private final Optional<SafetyLimits> limits;
    private final CellMetadata cell;

    ReadingChecks(Optional<SafetyLimits> limits, CellMetadata cell) {
        this.limits = limits;
        this.cell = cell;
    }

    /** Why the reading breaches safety, or null when it is safe. */
    String breach(Measurement m) {
        if (!Double.isFinite(m.voltage())) {
            return "the cell voltage reading is " + m.voltage() + ", not a number: check the voltage input";
        }
        if (!Double.isFinite(m.current())) {
            return "the current reading is " + m.current() + ", not a number: check the current input";
        }
        if (limits.isEmpty()) {
            return null;
        }
        SafetyLimits l = limits.get();
        if (l.hasVoltageWindow() && (m.voltage() < l.minVolts() || m.voltage() > l.maxVolts())) {
            return "cell voltage " + volts(m.voltage()) + " is outside the safety limits " + volts(l.minVolts())
                    + " to " + volts(l.maxVolts());
        }
        if (l.minCurrent().isPresent()) {
            double min = amps(l.minCurrent().get());
            double max = amps(l.maxCurrent().orElseThrow());
            if (m.current() < min || m.current() > max) {
                return "current " + milliamps(m.current()) + " is outside the safety limits " + milliamps(min)
                        + " to " + milliamps(max);
            }
        }
        return null;
    }

    private double amps(Current c) {
        return c.toAmps(cell);
    }

    private static String volts(double v) {
        return NumberText.fixed(v) + " V";
    }

    private static String milliamps(double a) {
        return NumberText.fixed(a * 1000) + " mA";
    }
}
