package org.no3rr.engine;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.no3rr.cell.CellMetadata;
import org.no3rr.protocol.Current;
import org.no3rr.protocol.Potential;
import org.no3rr.protocol.Step;

/**
 * Turns each driven step of a protocol into its {@link StepProgram} for one cell: current densities
 * and C-rates become amperes with the cell's area and nominal capacity, RHE potentials become
 * potentials vs the reference electrode, and a voltage hold, CCCV, constant power or resistance
 * becomes a {@link Regulator} bounded by the channel's rating and the protocol's current limits.
 * Built once per engine.
 */
final class StepPrograms {

    /** Potential sweeps are driven as stairs of this height (or the height one millisecond covers). */
    static final double STAIR_VOLTS = 0.001;

    private final Map<Step, StepProgram> byStep = new IdentityHashMap<>();
    private final CellMetadata cell;
    private final double lowAmps;
    private final double highAmps;
    private final double fallbackOhms;

    /**
     * @param lowAmps      the most negative current a regulated step may command (the channel's
     *                     rating or the protocol's limit, whichever is tighter)
     * @param highAmps     the most positive
     * @param fallbackOhms the cell resistance a voltage hold assumes until it has measured one
     */
    StepPrograms(List<Step> steps, CellMetadata cell, double lowAmps, double highAmps, double fallbackOhms) {
        this.cell = cell;
        this.lowAmps = lowAmps;
        this.highAmps = highAmps;
        this.fallbackOhms = fallbackOhms;
        add(steps);
    }

    StepProgram of(Step.Driven step) {
        return byStep.get(step);
    }

    private void add(List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof Step.Repeat) {
                add(((Step.Repeat) step).steps());
            } else if (step instanceof Step.Driven) {
                byStep.put(step, build((Step.Driven) step));
            }
        }
    }

    private StepProgram build(Step.Driven step) {
        if (step instanceof Step.Rest) {
            return StepProgram.constant(new Command.OpenCircuit());
        }
        if (step instanceof Step.ConstantCurrent) {
            Step.ConstantCurrent cc = (Step.ConstantCurrent) step;
            return StepProgram.constant(new Command.ApplyCurrent(cc.direction().sign() * cc.current().toAmps(cell)));
        }
        if (step instanceof Step.VoltageHold hold) {
            return StepProgram.regulated(StepProgram.Regulated.from(
                    new Regulator.CellVoltage(hold.volts(), lowAmps, highAmps, fallbackOhms)));
        }
        if (step instanceof Step.ConstantCurrentConstantVoltage cccv) {
            double amps = cccv.amps(cell);
            // the hold never drives harder than the constant-current phase, nor the other way
            Regulator hold = new Regulator.CellVoltage(cccv.volts(), Math.max(lowAmps, Math.min(0, amps)),
                    Math.min(highAmps, Math.max(0, amps)), fallbackOhms);
            return StepProgram.regulated(new StepProgram.Regulated(hold, amps, cccv.volts(), cccv.voltageFalls()));
        }
        if (step instanceof Step.ConstantPower power) {
            double watts = power.watts(cell);
            return StepProgram.regulated(StepProgram.Regulated.from(watts < 0
                    ? new Regulator.Power(watts, lowAmps, 0) : new Regulator.Power(watts, 0, highAmps)));
        }
        if (step instanceof Step.ConstantResistance resistance) {
            return StepProgram.regulated(StepProgram.Regulated.from(
                    new Regulator.Resistance(resistance.ohms(), lowAmps, 0)));
        }
        if (step instanceof Step.Hold) {
            Step.Hold hold = (Step.Hold) step;
            return StepProgram.constant(new Command.HoldPotential(vsReference(step, hold.potential())));
        }
        if (step instanceof Step.Polarize) {
            return polarization((Step.Polarize) step);
        }
        if (step instanceof Step.Sweep) {
            Step.Sweep sweep = (Step.Sweep) step;
            return sweep(step, sweep.from(), sweep.to(), sweep.voltsPerSecond(), 1, false);
        }
        Step.CyclicVoltammetry cv = (Step.CyclicVoltammetry) step;
        return sweep(step, cv.first(), cv.second(), cv.voltsPerSecond(), cv.cycles(), true);
    }

    private StepProgram polarization(Step.Polarize p) {
        Current from = p.from();
        double incrementAmps = p.increment().toAmps(cell);
        double fromAmps = from.toAmps(cell);
        return new StepProgram(p.levelCount(), p.dwellMillis(), level -> {
            double dischargeAmps = fromAmps + level * incrementAmps;
            return new Command.ApplyCurrent(dischargeAmps == 0 ? 0.0 : -dischargeAmps);
        }, true);
    }

    /**
     * A linear sweep (or, with {@code returning}, a triangle there and back per cycle) as a staircase:
     * one level per stair, each held for the time the scan rate takes to cover it.
     */
    private StepProgram sweep(Step step, Potential start, Potential turn, double voltsPerSecond,
                              int cycles, boolean returning) {
        long levelMillis = Math.max(1, Math.round(STAIR_VOLTS / voltsPerSecond * 1000));
        double stair = voltsPerSecond * levelMillis / 1000;
        double span = Math.abs(turn.volts() - start.volts());
        double direction = Math.signum(turn.volts() - start.volts());
        long stairsPerSegment = (long) Math.ceil(span / stair - 1e-9);
        long levels = returning ? 2 * stairsPerSegment * cycles + 1 : stairsPerSegment + 1;
        vsReference(step, start);
        return new StepProgram(levels, levelMillis, level -> {
            long phase = returning ? level % (2 * stairsPerSegment) : level;
            long stairsFromStart = phase <= stairsPerSegment ? phase : 2 * stairsPerSegment - phase;
            double volts = start.volts() + direction * Math.min(stairsFromStart * stair, span);
            return new Command.HoldPotential(new Potential(volts, start.scale()).toVoltsVsReference(cell));
        }, false);
    }

    private double vsReference(Step step, Potential potential) {
        if (potential.needsPh() && Double.isNaN(cell.ph())) {
            throw new IllegalArgumentException("line " + step.line() + ": a potential vs RHE needs the cell's pH, "
                    + "which is not given");
        }
        return potential.toVoltsVsReference(cell);
    }
}
