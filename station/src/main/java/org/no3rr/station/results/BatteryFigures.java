package org.no3rr.station.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.Units;
import org.no3rr.metrics.battery.PolarizationCurve;
import org.no3rr.metrics.battery.RateCapability;
import org.no3rr.station.downsample.SampleChart;
import org.no3rr.station.downsample.SampleDownsampler;
import org.no3rr.station.downsample.SampleQuery;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.service.PolarizationService;
import org.no3rr.station.service.SummaryService;

import java.util.ArrayList;
import java.util.List;

/**
 * Battery figures from numbers the station already serves: the stored cycle summaries (capacity,
 * CE, retention — as {@code /cycles}), the discharge steps' summaries (rate capability), the
 * polarization curve of {@code /polarization}, and the LTTB chart of {@code /samples}.
 */
@ApplicationScoped
public class BatteryFigures {

    private static final Axis CYCLE_AXIS = new Axis("cycle", "cycle", "");
    private static final Axis CURRENT_DENSITY_AXIS = new Axis("j / mA cm⁻²", "current_density", "mA_per_cm2");
    private static final int VOLTAGE_TIME_POINTS = 2000;

    @Inject
    SummaryService summaries;

    @Inject
    PolarizationService polarization;

    @Inject
    SampleDownsampler downsampler;

    /** Discharge and charge capacity, CE and capacity retention of every complete cycle. */
    public Figure capacityVsCycle(FigureContext context) {
        Basis.Capacity basis = context.options().capacity();
        List<FigurePoint> discharge = new ArrayList<>();
        List<FigurePoint> charge = new ArrayList<>();
        List<FigurePoint> efficiency = new ArrayList<>();
        List<FigurePoint> retention = new ArrayList<>();
        Double fade = null;
        for (SummaryService.CycleReport report : summaries.cycles(context.runId(), context.options().retention())) {
            CycleSummary cycle = report.summary();
            if (!report.complete()) {
                continue;
            }
            add(discharge, cycle.cycle(), cycle.dischargeCapacityCoulombs(), basis, context);
            add(charge, cycle.cycle(), cycle.chargeCapacityCoulombs(), basis, context);
            if (cycle.coulombicEfficiency() != null) {
                efficiency.add(FigurePoint.of(cycle.cycle(), 100 * cycle.coulombicEfficiency()));
            }
            if (report.retentionPercent() != null) {
                retention.add(FigurePoint.of(cycle.cycle(), report.retentionPercent()));
                fade = report.fadePercentPerCycle();
            }
        }
        if (discharge.isEmpty()) {
            throw new ConflictException("run " + context.runId() + " has no complete cycle with a discharge yet");
        }
        long run = context.runId();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("capacity retention of cycle " + (int) retention.get(retention.size() - 1).x(),
                retention.get(retention.size() - 1).y(), "%", run));
        if (fade != null) {
            facts.add(new Fact("capacity fade", fade, "% per cycle", run));
        }
        return new Figure(FigureKind.CAPACITY_VS_CYCLE.id(), FigureKind.CAPACITY_VS_CYCLE.title(), List.of(run),
                CYCLE_AXIS, new Axis("capacity / " + basis.unit(), "capacity", basis.header()),
                new Axis("CE, retention / %", "ratio", "percent"),
                List.of(new Series("discharge capacity", run, Series.YAxis.Y, Series.Style.LINE_MARKERS, discharge),
                        new Series("charge capacity", run, Series.YAxis.Y, Series.Style.LINE_MARKERS, charge),
                        new Series("coulombic efficiency", run, Series.YAxis.Y2, Series.Style.MARKERS, efficiency),
                        new Series("capacity retention", run, Series.YAxis.Y2, Series.Style.LINE, retention)),
                facts, List.of("complete cycles only; retention against " + context.options().retention().description()));
    }

    /** Discharge capacity of each discharge step against its mean current density, in the order run. */
    public Figure rateCapability(FigureContext context) {
        List<RateCapability.RatePoint> rates = RateCapability.of(context.endedSteps(), context.cell());
        if (rates.isEmpty()) {
            throw new ConflictException("run " + context.runId() + " has no ended discharge step yet");
        }
        Basis.Capacity basis = context.options().capacity();
        // A step whose cut-off was met at its first reading passed no current: it has no current density
        // to be placed at, so it is named in a note instead of drawn as a point without an x.
        List<FigurePoint> points = rates.stream().filter(r -> !Double.isNaN(r.currentDensityMaPerCm2()))
                .map(r -> FigurePoint.of(r.currentDensityMaPerCm2(), Basis.of(basis, r.dischargeCapacityMah(), context)))
                .toList();
        List<String> notes = new ArrayList<>(List.of("one point per discharge step: |mean current| / area, and the "
                + "step's discharge capacity"));
        rates.stream().filter(r -> Double.isNaN(r.currentDensityMaPerCm2())).forEach(r -> notes.add("discharge step "
                + r.stepNumber() + " is not drawn: it ended at its first reading, before any current flowed"));
        long run = context.runId();
        return new Figure(FigureKind.RATE_CAPABILITY.id(), FigureKind.RATE_CAPABILITY.title(), List.of(run),
                CURRENT_DENSITY_AXIS, new Axis("discharge capacity / " + basis.unit(), "discharge_capacity",
                basis.header()), null,
                List.of(new Series("discharge steps in the order run", run, Series.YAxis.Y, Series.Style.LINE_MARKERS,
                        points)),
                List.of(), notes);
    }

    /** The polarization curve and power density of the latest Polarize step, with the peak. */
    public Figure polarization(FigureContext context) {
        PolarizationCurve curve = polarization.curve(context.runId());
        PolarizationCurve.PeakPower peak = curve.peakPower();
        long run = context.runId();
        List<FigurePoint> voltage = curve.points().stream().map(p -> FigurePoint.of(p.currentDensityMaPerCm2(),
                p.voltageV())).toList();
        List<FigurePoint> power = curve.points().stream().map(p -> FigurePoint.of(p.currentDensityMaPerCm2(),
                p.powerDensityMwPerCm2())).toList();
        double j = peak.currentDensityMaPerCm2();
        List<Fact> facts = new ArrayList<>(List.of(
                new Fact("peak power density", peak.powerDensityMwPerCm2(), "mW cm⁻²", run),
                new Fact("at current density", j, "mA cm⁻²", run)));
        if (j != 0) {
            facts.add(new Fact("at voltage", peak.powerDensityMwPerCm2() / j, "V", run));
        }
        return new Figure(FigureKind.POLARIZATION.id(), FigureKind.POLARIZATION.title(), List.of(run),
                CURRENT_DENSITY_AXIS, new Axis("E_cell / V", "voltage", "V"),
                new Axis("P / mW cm⁻²", "power_density", "mW_per_cm2"),
                List.of(new Series("voltage", run, Series.YAxis.Y, Series.Style.LINE_MARKERS, voltage),
                        new Series("power density", run, Series.YAxis.Y2, Series.Style.LINE_MARKERS, power),
                        new Series("peak power", run, Series.YAxis.Y2, Series.Style.MARKERS,
                                List.of(FigurePoint.of(j, peak.powerDensityMwPerCm2())))),
                facts, List.of("one point per current level: mean |I| / area and mean V of its samples; P = V·j; the "
                        + "peak is " + (peak.interpolated() ? "the vertex of the parabola through the largest P and its "
                        + "neighbours" : "the largest P sampled (the curve did not pass its peak)")));
    }

    /** The cell voltage over the whole run, reduced to 2000 points by LTTB as {@code /samples}. */
    public Figure voltageVsTime(FigureContext context) {
        SampleChart chart = downsampler.chart(context.runId(), new SampleQuery(null, null, VOLTAGE_TIME_POINTS));
        if (chart.points().isEmpty()) {
            throw new ConflictException("run " + context.runId() + " has no samples yet");
        }
        long run = context.runId();
        List<FigurePoint> points = chart.points().stream()
                .map(p -> FigurePoint.of(p.testTimeS() / Units.SECONDS_PER_HOUR, p.voltageV())).toList();
        return new Figure(FigureKind.VOLTAGE_VS_TIME.id(), FigureKind.VOLTAGE_VS_TIME.title(), List.of(run),
                new Axis("t / h", "test_time", "h"), new Axis("E_cell / V", "voltage", "V"), null,
                List.of(new Series("cell voltage", run, Series.YAxis.Y, Series.Style.LINE, points)), List.of(),
                List.of("test time since the run started; at most " + VOLTAGE_TIME_POINTS + " of "
                        + chart.samplesInRange() + " samples, chosen by LTTB"));
    }

    private static void add(List<FigurePoint> points, int cycle, Double coulombs, Basis.Capacity basis,
                            FigureContext context) {
        if (coulombs != null) {
            points.add(FigurePoint.of(cycle, Basis.of(basis, Units.mahFromCoulombs(coulombs), context)));
        }
    }
}
