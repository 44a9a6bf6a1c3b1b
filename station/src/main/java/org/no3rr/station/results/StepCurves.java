package org.no3rr.station.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.metrics.Units;
import org.no3rr.metrics.battery.DifferentialCapacity;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.export.PotentialColumns;
import org.no3rr.station.service.ConflictException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Figures that draw the samples of chosen steps, one curve per step: voltage against the capacity
 * the step has passed, dQ/dV, current density against time in each hold, and voltammograms. The
 * capacity is the step's running {@link StepTotals} — the very fold that gave its stored summary
 * and the BDF export's step capacities, so a curve ends exactly at the step's reported capacity.
 */
@ApplicationScoped
public class StepCurves {

    private static final Axis VOLTAGE_AXIS = new Axis("E_cell / V", "voltage", "V");
    private static final Axis CURRENT_DENSITY_AXIS = new Axis("j / mA cm⁻²", "current_density", "mA_per_cm2");

    @Inject
    StepSamples samples;

    @Inject
    CycleSelection cycleSelection;

    /** Voltage against the capacity passed in each charge and discharge step of the chosen cycles. */
    public Figure voltageVsCapacity(FigureContext context) {
        List<StepSummary> steps = cycleSelection.halves(context);
        Basis.Capacity basis = context.options().capacity();
        int share = StepSamples.perCurve(steps.size());
        List<Series> series = new ArrayList<>();
        for (StepSummary step : steps) {
            RunningCapacity capacity = new RunningCapacity(step.kind());
            series.add(new Series(cycleSelection.name(steps, step, context.cell()), context.runId(), Series.YAxis.Y,
                    Series.Style.LINE, samples.curve(context.runId(), step, share, s -> FigurePoint.of(
                            Basis.of(basis, capacity.plus(s.stepTimeMillis(), s.voltage(), s.current()), context),
                            s.voltage()))));
        }
        return new Figure(FigureKind.VOLTAGE_VS_CAPACITY.id(), FigureKind.VOLTAGE_VS_CAPACITY.title(),
                List.of(context.runId()), new Axis("capacity / " + basis.unit(), "capacity", basis.header()),
                VOLTAGE_AXIS, null, series, List.of(), List.of("capacity is the charge each step has passed, from 0 "
                        + "at its start (trapezoid rule in step time, as the step summaries)"));
    }

    /** dQ/dV of each charge and discharge step of the chosen cycles, by voltage bins (docs/results.md). */
    public Figure differentialCapacity(FigureContext context) {
        List<StepSummary> steps = cycleSelection.halves(context);
        Basis.Capacity basis = context.options().capacity();
        double binWidthV = context.options().binWidthV();
        List<Series> series = new ArrayList<>();
        for (StepSummary step : steps) {
            RunningCapacity capacity = new RunningCapacity(step.kind());
            DifferentialCapacity dqdv = step.kind() == StepKind.CHARGE ? DifferentialCapacity.ofCharge(binWidthV)
                    : DifferentialCapacity.ofDischarge(binWidthV);
            samples.forEach(context.runId(), step, s ->
                    dqdv.add(s.voltage(), capacity.plus(s.stepTimeMillis(), s.voltage(), s.current())));
            List<FigurePoint> points = dqdv.bins().stream()
                    .map(bin -> FigurePoint.of(bin.voltageV(), Basis.of(basis, bin.dqDvMahPerV(), context))).toList();
            series.add(new Series(cycleSelection.name(steps, step, context.cell()), context.runId(), Series.YAxis.Y,
                    Series.Style.LINE, points));
        }
        return new Figure(FigureKind.DQDV.id(), FigureKind.DQDV.title(), List.of(context.runId()), VOLTAGE_AXIS,
                new Axis("dQ/dV / " + basis.unit() + " V⁻¹", "dq_dv", basis.header() + "_per_V"), null, series,
                List.of(), List.of("dQ/dV by voltage binning: the capacity passed while the voltage was in each "
                        + Decimals.plain(binWidthV * 1000) + " mV bin, divided by the bin width (negative on discharge)"));
    }

    /** Current density against step time in each hold (chronoamperometry). */
    public Figure currentVsTime(FigureContext context) {
        List<StepSummary> holds = nonEmpty(context, context.stepsOf(StepKind.HOLD), "hold");
        double area = context.cell().areaCm2();
        Axis potential = HoldPotentials.axis(context.cell());
        int share = StepSamples.perCurve(holds.size());
        List<Series> series = new ArrayList<>();
        for (StepSummary hold : holds) {
            String name = "step " + hold.stepNumber() + " · " + Decimals.plain(HoldPotentials.of(context, hold)) + " V"
                    + potential.label().substring(potential.label().indexOf(" vs "));
            series.add(new Series(name, context.runId(), Series.YAxis.Y, Series.Style.LINE,
                    samples.curve(context.runId(), hold, share, s -> FigurePoint.of(s.stepTimeMillis() / 1000.0,
                            Units.milliampsPerCm2(s.current(), area)))));
        }
        return new Figure(FigureKind.CURRENT_VS_TIME.id(), FigureKind.CURRENT_VS_TIME.title(),
                List.of(context.runId()), new Axis("t / s", "step_time", "s"), CURRENT_DENSITY_AXIS, null, series,
                List.of(), List.of("t is each hold's step time; cathodic current is negative"));
    }

    /** Current density against working-electrode potential in each sweep ({@code lsv}) or CV ({@code cv}). */
    public Figure voltammograms(FigureContext context, FigureKind kind) {
        StepKind stepKind = kind == FigureKind.LSV ? StepKind.SWEEP : StepKind.CYCLIC_VOLTAMMETRY;
        List<StepSummary> steps = nonEmpty(context, context.stepsOf(stepKind), kind == FigureKind.LSV ? "sweep" : "CV");
        CellMetadata cell = context.cell();
        PotentialColumns potentials = new PotentialColumns(cell);
        boolean irFree = cell.uncompensatedResistanceOhm() > 0;
        int share = StepSamples.perCurve(steps.size());
        List<Series> series = new ArrayList<>();
        for (StepSummary step : steps) {
            String name = "step " + step.stepNumber() + " · " + Decimals.plain(scanRateVPerS(context, step) * 1000) + " mV s⁻¹";
            series.add(new Series(name, context.runId(), Series.YAxis.Y, Series.Style.LINE,
                    samples.curve(context.runId(), step, share, s -> FigurePoint.of(!potentials.hasRhe()
                            ? s.workingElectrodePotential() : irFree
                            ? potentials.irFreeVsRhe(s.workingElectrodePotential(), s.current())
                            : potentials.vsRhe(s.workingElectrodePotential()),
                            Units.milliampsPerCm2(s.current(), cell.areaCm2())))));
        }
        Axis x = !potentials.hasRhe() ? new Axis("E / V vs ref", "we_potential_vs_ref", "V")
                : irFree ? new Axis("E − iR / V vs RHE", "we_potential_ir_free_vs_rhe", "V")
                : new Axis("E / V vs RHE", "we_potential_vs_rhe", "V");
        return new Figure(kind.id(), kind.title(), List.of(context.runId()), x, CURRENT_DENSITY_AXIS, null, series,
                List.of(), List.of(potentials.rheNote()));
    }

    static double scanRateVPerS(FigureContext context, StepSummary step) {
        return context.contents().stepAt(step.stepLine(), Step.Sweep.class).map(Step.Sweep::voltsPerSecond)
                .or(() -> context.contents().stepAt(step.stepLine(), Step.CyclicVoltammetry.class)
                        .map(Step.CyclicVoltammetry::voltsPerSecond))
                .orElseThrow(() -> new IllegalStateException("protocol line " + step.stepLine() + " of run "
                        + context.runId() + " is not a sweep or a CV"));
    }

    private static List<StepSummary> nonEmpty(FigureContext context, List<StepSummary> steps, String what) {
        if (steps.isEmpty()) {
            throw new ConflictException("run " + context.runId() + " has no ended " + what + " yet");
        }
        return steps;
    }

    /** The capacity a charge or discharge step has passed so far, mAh, by the summaries' own fold. */
    private static final class RunningCapacity {
        private final boolean charging;
        private StepTotals totals = StepTotals.EMPTY;

        RunningCapacity(StepKind kind) {
            this.charging = kind == StepKind.CHARGE;
        }

        double plus(long stepMillis, double voltage, double current) {
            totals = totals.plus(stepMillis, voltage, current);
            return Units.mahFromCoulombs(charging ? totals.chargeCoulombs() : totals.dischargeCoulombs());
        }
    }

    static Set<StepKind> halves() {
        return Set.of(StepKind.CHARGE, StepKind.DISCHARGE);
    }
}
