package org.no3rr.engine;

import java.util.Optional;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.Measurement;
import org.no3rr.protocol.SafetyLimits;

/**
 * The run-wide safety watch, applied to every reading before any step end, whatever the protocol
 * says: a reading that is not a number, a current beyond the channel's rating, a voltage outside the
 * channel's window, a reading outside the protocol's {@code Limits:} (which can only narrow the
 * ratings: both are checked, so the tighter one wins), or an output that stays out of compliance —
 * its measured value more than the channel's tolerance from its setpoint for the channel's number
 * of consecutive readings — faults the run.
 *
 * <p>The voltage window is the cell voltage on a battery channel and the working-electrode
 * potential on an H-cell channel (what {@link ChannelRatings} rates). A current may exceed the
 * rated magnitude by the compliance tolerance before it counts as beyond the rating, so that a step
 * set exactly at the rating does not fault on ADC noise. Under potential control the current is not
 * commanded: one within three resolution steps of the rating means the potentiostat has hit its
 * current limit, and the run faults at that reading rather than after the compliance count.
 */
final class ReadingChecks {

    /** A current within this many resolution steps of the rating is at the potentiostat's limit. */
    private static final int SATURATION_RESOLUTIONS = 3;

    /**
     * The outcome for one reading.
     *
     * @param breach the reason to fault, or null when the reading is safe
     * @param misses consecutive readings out of compliance, this one included
     */
    record Verdict(String breach, int misses) {
    }

    private final Optional<SafetyLimits> limits;
    private final ChannelRatings ratings;
    private final CellKind cellKind;
    private final CellMetadata cell;

    ReadingChecks(Optional<SafetyLimits> limits, ChannelRatings ratings, CellKind cellKind, CellMetadata cell) {
        this.limits = limits;
        this.ratings = ratings;
        this.cellKind = cellKind;
        this.cell = cell;
    }

    /**
     * @param setpoint       the command in force while the reading was taken
     * @param missesBefore   consecutive readings out of compliance before this one
     */
    Verdict check(Measurement m, Command setpoint, int missesBefore) {
        String breach = notANumber(m);
        if (breach == null) {
            breach = beyondRatings(m, setpoint);
        }
        if (breach == null) {
            breach = outsideLimits(m);
        }
        if (breach != null) {
            return new Verdict(breach, missesBefore);
        }
        String miss = complianceMiss(m, setpoint);
        int misses = miss == null ? 0 : missesBefore + 1;
        if (miss != null && misses >= ratings.compliance().readings()) {
            return new Verdict("out of compliance for " + misses + " consecutive readings: " + miss, misses);
        }
        return new Verdict(null, misses);
    }

    private String notANumber(Measurement m) {
        if (!Double.isFinite(m.voltage())) {
            return "the cell voltage reading is " + m.voltage() + ", not a number: check the voltage input";
        }
        if (!Double.isFinite(m.current())) {
            return "the current reading is " + m.current() + ", not a number: check the current input";
        }
        return null;
    }

    private String beyondRatings(Measurement m, Command setpoint) {
        double tolerance = ratings.compliance().currentToleranceAmps();
        double atLimit = ratings.maxCurrentAmps() - SATURATION_RESOLUTIONS * ratings.currentResolutionAmps();
        if (setpoint instanceof Command.HoldPotential && Math.abs(m.current()) >= atLimit) {
            return "current " + milliamps(m.current()) + " reached the channel's rating of ±"
                    + milliamps(ratings.maxCurrentAmps()) + ": the potentiostat is at its current limit and cannot "
                    + "hold its setpoint";
        }
        if (Math.abs(m.current()) > ratings.maxCurrentAmps() + tolerance) {
            return "current " + milliamps(m.current()) + " is beyond the channel's rating of ±"
                    + milliamps(ratings.maxCurrentAmps()) + " (tolerance " + milliamps(
                    ratings.compliance().currentToleranceAmps()) + ")";
        }
        boolean battery = cellKind == CellKind.ZN_NITRATE_BATTERY;
        double windowed = battery ? m.voltage() : m.workingElectrodePotential();
        if (Double.isFinite(windowed) && (windowed < ratings.minVoltage() || windowed > ratings.maxVoltage())) {
            return (battery ? "cell voltage " : "working-electrode potential ") + volts(windowed)
                    + " is outside the channel's rated window " + volts(ratings.minVoltage()) + " to "
                    + volts(ratings.maxVoltage());
        }
        return null;
    }

    private String outsideLimits(Measurement m) {
        if (limits.isEmpty()) {
            return null;
        }
        SafetyLimits l = limits.get();
        if (l.hasVoltageWindow() && (m.voltage() < l.minVolts() || m.voltage() > l.maxVolts())) {
            return "cell voltage " + volts(m.voltage()) + " is outside the protocol's Limits " + volts(l.minVolts())
                    + " to " + volts(l.maxVolts());
        }
        if (l.minCurrent().isPresent()) {
            double min = l.minCurrent().get().toAmps(cell);
            double max = l.maxCurrent().orElseThrow().toAmps(cell);
            if (m.current() < min || m.current() > max) {
                return "current " + milliamps(m.current()) + " is outside the protocol's Limits " + milliamps(min)
                        + " to " + milliamps(max);
            }
        }
        return null;
    }

    /** How the reading misses its setpoint by more than the tolerance, or null when it follows it. */
    private String complianceMiss(Measurement m, Command setpoint) {
        ChannelRatings.Compliance tolerance = ratings.compliance();
        if (setpoint instanceof Command.ApplyCurrent apply) {
            return Math.abs(m.current() - apply.amps()) > tolerance.currentToleranceAmps()
                    ? "current " + milliamps(m.current()) + " stayed more than "
                    + milliamps(tolerance.currentToleranceAmps()) + " from its setpoint " + milliamps(apply.amps())
                    : null;
        }
        if (setpoint instanceof Command.HoldPotential hold) {
            double we = m.workingElectrodePotential();
            return Double.isFinite(we) && Math.abs(we - hold.voltsVsReference()) > tolerance.potentialToleranceVolts()
                    ? "working-electrode potential " + volts(we) + " stayed more than "
                    + NumberText.plain(tolerance.potentialToleranceVolts() * 1000) + " mV from its setpoint "
                    + volts(hold.voltsVsReference()) + " vs the reference (current " + milliamps(m.current()) + ")"
                    : null;
        }
        if (setpoint instanceof Command.OpenCircuit) {
            return Math.abs(m.current()) > tolerance.currentToleranceAmps()
                    ? "current " + milliamps(m.current()) + " flows with the cell disconnected (more than "
                    + milliamps(tolerance.currentToleranceAmps()) + "): check the relay"
                    : null;
        }
        return null;
    }

    private static String volts(double v) {
        return NumberText.fixed(v) + " V";
    }

    private static String milliamps(double a) {
        return NumberText.fixed(a * 1000) + " mA";
    }
}
