package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.ChannelRatings;

/**
 * Checks a protocol's setpoints against one channel and one cell before the run starts: currents
 * (densities times the cell's area) against the channel's ±maximum, voltages and potentials
 * against its voltage window, and that RHE potentials have the pH they need.
 */
final class RatingsCheck {

    /** Relative slack so that "50 mA" on a 0.050 A channel is not refused by rounding. */
    private static final double ROUNDING_SLACK = 1e-9;

    private final ChannelRatings ratings;
    private final CellMetadata cell;
    private final List<ProtocolError> errors = new ArrayList<>();

    RatingsCheck(ChannelRatings ratings, CellMetadata cell) {
        this.ratings = ratings;
        this.cell = cell;
    }

    List<ProtocolError> check(Protocol protocol) {
        walk(protocol.steps());
        return List.copyOf(errors);
    }

    private void walk(List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof Step.Repeat) {
                walk(((Step.Repeat) step).steps());
            } else if (step instanceof Step.Driven) {
                checkDriven((Step.Driven) step);
            }
        }
    }

    private void checkDriven(Step.Driven step) {
        if (step instanceof Step.ConstantCurrent) {
            checkCurrent(step, ((Step.ConstantCurrent) step).current());
        } else if (step instanceof Step.Polarize) {
            Step.Polarize p = (Step.Polarize) step;
            double last = p.from().value() + (p.levelCount() - 1) * p.increment().value();
            checkCurrent(step, new Current(last, p.to().perCm2()));
        } else if (step instanceof Step.Hold) {
            checkPotential(step, ((Step.Hold) step).potential());
        } else if (step instanceof Step.Sweep) {
            checkPotential(step, ((Step.Sweep) step).from());
            checkPotential(step, ((Step.Sweep) step).to());
        } else if (step instanceof Step.CyclicVoltammetry) {
            checkPotential(step, ((Step.CyclicVoltammetry) step).first());
            checkPotential(step, ((Step.CyclicVoltammetry) step).second());
        }
        for (StepEnd end : step.ends()) {
            if (end instanceof StepEnd.AtVoltage) {
                checkVoltage(step, ((StepEnd.AtVoltage) end).volts(), "the cut-off");
            }
        }
    }

    private void checkCurrent(Step step, Current current) {
        double amps = Math.abs(current.toAmps(cell));
        if (amps > ratings.maxCurrentAmps() * (1 + ROUNDING_SLACK)) {
            String how = current.perCm2() ? " (" + current.describe() + " × " + Numbers.format(cell.areaCm2())
                    + " cm²)" : "";
            fail(step, Numbers.format(amps * 1000) + " mA" + how + " exceeds the channel's rating of ±"
                    + Numbers.format(ratings.maxCurrentAmps() * 1000) + " mA",
                    "Discharge at " + Numbers.format(ratings.maxCurrentAmps() * 1000) + " mA until 0.8 V");
        }
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

    private void checkVoltage(Step step, double volts, String what) {
        double slack = ROUNDING_SLACK * Math.max(1, Math.abs(volts));
        if (volts < ratings.minVoltage() - slack || volts > ratings.maxVoltage() + slack) {
            fail(step, what + " " + Numbers.format(volts) + " V is outside the channel's voltage window "
                    + Numbers.format(ratings.minVoltage()) + " V to " + Numbers.format(ratings.maxVoltage()) + " V",
                    "Charge at 2 mA until " + Numbers.format(ratings.maxVoltage()) + " V");
        }
    }

    private void fail(Step step, String message, String example) {
        errors.add(new ProtocolError(step.line(), "line " + step.line() + ": " + message, example));
    }
}
