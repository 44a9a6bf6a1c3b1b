package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.ChannelRatings;

/**
 * Checks a protocol's setpoints against one channel and one cell before the run starts: currents
 * (densities times the cell's area, C-rates times its nominal capacity) against the channel's
 * ±maximum, voltages and potentials against its voltage window, powers and resistances against
 * the current they take within that window, and that the cell metadata has what the steps need
 * (the pH for RHE potentials, the nominal capacity for C-rates).
 */
final class RatingsCheck {

    /** Relative slack so that "50 mA" on a 0.050 A channel is not refused by rounding. */
    private static final double ROUNDING_SLACK = 1e-9;

    private final ChannelRatings ratings;
    private final CellMetadata cell;
    private final Protocol protocol;
    private final List<ProtocolError> errors = new ArrayList<>();

    RatingsCheck(ChannelRatings ratings, CellMetadata cell, Protocol protocol) {
        this.ratings = ratings;
        this.cell = cell;
        this.protocol = protocol;
    }

    List<ProtocolError> check() {
        for (Step step : protocol.allSteps()) {
            if (step instanceof Step.Driven driven) {
                checkDriven(driven);
            }
        }
        return List.copyOf(errors);
    }

    private void checkDriven(Step.Driven step) {
        if (step instanceof Step.ConstantCurrent cc) {
            checkCurrent(step, cc.current());
        } else if (step instanceof Step.ConstantCurrentConstantVoltage cccv) {
            checkCurrent(step, cccv.current());
            checkVoltage(step, cccv.volts(), "the voltage to hold");
        } else if (step instanceof Step.VoltageHold hold) {
            checkVoltage(step, hold.volts(), "the voltage to hold");
        } else if (step instanceof Step.ConstantPower cp) {
            new LoadCheck(this, step).power(cp.power().toWatts(cell), cp.power().describe());
        } else if (step instanceof Step.ConstantResistance cr) {
            new LoadCheck(this, step).resistance(cr.ohms());
        } else if (step instanceof Step.Polarize p) {
            double last = p.from().value() + (p.levelCount() - 1) * p.increment().value();
            checkCurrent(step, new Current(last, p.to().basis()));
        } else if (step instanceof Step.Hold hold) {
            checkPotential(step, hold.potential());
        } else if (step instanceof Step.Sweep sweep) {
            checkPotential(step, sweep.from());
            checkPotential(step, sweep.to());
        } else if (step instanceof Step.CyclicVoltammetry cv) {
            checkPotential(step, cv.first());
            checkPotential(step, cv.second());
        }
        for (StepEnd end : step.ends()) {
            if (end instanceof StepEnd.AtVoltage v) {
                checkVoltage(step, v.volts(), "the cut-off");
            } else if (end instanceof StepEnd.AtCurrent c) {
                checkCurrentEnd(step, c);
            }
        }
    }

    private void checkCurrent(Step step, Current current) {
        if (!hasNominalCapacity(step, current)) {
            return;
        }
        double amps = Math.abs(current.toAmps(cell));
        if (amps > maxAmps()) {
            fail(step, Numbers.format(amps * 1000) + " mA" + how(current) + " exceeds " + rating(),
                    "Discharge at " + Numbers.format(ratings.maxCurrentAmps() * 1000) + " mA until 0.8 V");
        }
    }

    private void checkCurrentEnd(Step step, StepEnd.AtCurrent end) {
        if (!hasNominalCapacity(step, end.current())) {
            return;
        }
        double amps = end.amps(cell);
        if (amps > maxAmps()) {
            fail(step, "the current end " + Numbers.format(amps * 1000) + " mA" + how(end.current()) + " is beyond "
                    + rating() + (end.falling() ? ", so the hold would end at once" : ", so it is never reached"),
                    "Hold at " + Numbers.format(ratings.maxVoltage()) + " V until "
                            + Numbers.format(ratings.maxCurrentAmps() * 100) + " mA");
        }
    }

    /** How a current in A came about, when it was not written in A: " (5 mA/cm2 × 12 cm²)". */
    private String how(Current current) {
        return switch (current.basis()) {
            case ABSOLUTE -> "";
            case PER_AREA -> " (" + current.describe() + " × " + Numbers.format(cell.areaCm2()) + " cm²)";
            case C_RATE -> " (" + current.describe() + " of " + Numbers.format(cell.nominalCapacityAh() * 1000)
                    + " mAh)";
        };
    }

    private boolean hasNominalCapacity(Step step, Current current) {
        if (current.needsNominalCapacity() && Double.isNaN(cell.nominalCapacityAh())) {
            fail(step, current.describe() + " is a C-rate and needs the cell's nominal capacity; enter "
                    + "nominalCapacityAh in the cell metadata or write the current in mA", CurrentStepReader.DISCHARGE_EXAMPLE);
            return false;
        }
        return true;
    }

    private void checkPotential(Step step, Potential potential) {
        if (cell.referenceElectrode().isBlank()) {
            fail(step, "a potential needs a reference electrode, and this cell has none; use a three-electrode "
                    + "cell or a galvanostatic step", CurrentStepReader.DISCHARGE_EXAMPLE);
            return;
        }
        if (potential.needsPh() && Double.isNaN(cell.ph())) {
            fail(step, Numbers.format(potential.volts()) + " V vs RHE needs the electrolyte's pH; enter the pH in "
                    + "the cell metadata or write the potential vs Ag/AgCl", "Hold at -0.7 V vs Ag/AgCl for 1 h");
            return;
        }
        double vsReference = potential.toVoltsVsReference(cell);
        String label = potential.scale() == Potential.Scale.REFERENCE ? "the potential"
                : Numbers.format(potential.volts()) + " V vs RHE, i.e. the potential";
        checkVoltage(step, vsReference, label);
    }

    void checkVoltage(Step step, double volts, String what) {
        double slack = ROUNDING_SLACK * Math.max(1, Math.abs(volts));
        if (volts < ratings.minVoltage() - slack || volts > ratings.maxVoltage() + slack) {
            fail(step, what + " " + Numbers.format(volts) + " V is outside " + window(),
                    "Charge at 2 mA until " + Numbers.format(ratings.maxVoltage()) + " V");
        }
    }

    double maxAmps() {
        return ratings.maxCurrentAmps() * (1 + ROUNDING_SLACK);
    }

    /** The highest cell voltage the run allows: the channel's window, narrowed by the protocol's Limits. */
    double highestVolts() {
        return protocol.limits().filter(SafetyLimits::hasVoltageWindow)
                .map(l -> Math.min(l.maxVolts(), ratings.maxVoltage())).orElse(ratings.maxVoltage());
    }

    /** The lowest cell voltage the run allows: the channel's window, narrowed by the protocol's Limits. */
    double lowestVolts() {
        return protocol.limits().filter(SafetyLimits::hasVoltageWindow)
                .map(l -> Math.max(l.minVolts(), ratings.minVoltage())).orElse(ratings.minVoltage());
    }

    String rating() {
        return "the channel's rating of ±" + Numbers.format(ratings.maxCurrentAmps() * 1000) + " mA";
    }

    private String window() {
        return "the channel's voltage window " + Numbers.format(ratings.minVoltage()) + " V to "
                + Numbers.format(ratings.maxVoltage()) + " V";
    }

    double ratedAmps() {
        return ratings.maxCurrentAmps();
    }

    void fail(Step step, String message, String example) {
        errors.add(new ProtocolError(step.line(), "line " + step.line() + ": " + message, example));
    }
}
