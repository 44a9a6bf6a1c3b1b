package org.no3rr.station.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.Units;
import org.no3rr.metrics.electrolysis.DoubleLayerCapacitance;
import org.no3rr.metrics.electrolysis.VoltammogramCrossing;
import org.no3rr.metrics.potential.RheScale;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.service.ConflictException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The double-layer capacitance from CVs at several scan rates in one potential window (seed 000:
 * 20–100 mV s⁻¹; seed 004: 0.02–0.18 V s⁻¹ between 0.10 and 0.30 V vs RHE): for each CV, the current
 * densities of its last anodic and cathodic sweeps at the window's middle
 * ({@link VoltammogramCrossing}); (j_a − j_c)/2 against scan rate; Cdl the least-squares slope
 * ({@link DoubleLayerCapacitance}); ECSA = Cdl / Cs × area with the stated specific capacitance Cs.
 * With CVs in several windows, the window with the most scan rates is used.
 */
@ApplicationScoped
public class CdlFigure {

    @Inject
    StepSamples samples;

    public Figure of(FigureContext context) {
        CellMetadata cell = context.cell();
        List<Measured> measured = new ArrayList<>();
        for (List<StepSummary> window : windows(context)) {
            List<Measured> inWindow = new ArrayList<>();
            for (StepSummary step : window) {
                measure(context, step).ifPresent(inWindow::add);
            }
            if (inWindow.stream().map(Measured::scanRateVPerS).distinct().count()
                    > measured.stream().map(Measured::scanRateVPerS).distinct().count()) {
                measured = inWindow;
            }
        }
        if (measured.stream().map(Measured::scanRateVPerS).distinct().count() < 2) {
            throw new ConflictException("run " + context.runId() + " has no two ended CVs at different scan rates in "
                    + "one window that cross the window's middle both ways yet; Cdl needs at least two");
        }
        DoubleLayerCapacitance cdl;
        try {
            cdl = DoubleLayerCapacitance.fit(measured.stream().mapToDouble(Measured::scanRateVPerS).toArray(),
                    measured.stream().mapToDouble(Measured::anodic).toArray(),
                    measured.stream().mapToDouble(Measured::cathodic).toArray());
        } catch (IllegalArgumentException e) {
            throw new ConflictException("run " + context.runId() + ": no double-layer capacitance: " + e.getMessage());
        }
        long run = context.runId();
        List<FigurePoint> points = measured.stream().map(m -> FigurePoint.of(m.scanRateVPerS() * 1000,
                (m.anodic() - m.cathodic()) / 2)).toList();
        double lowest = measured.stream().mapToDouble(Measured::scanRateVPerS).min().orElseThrow();
        double highest = measured.stream().mapToDouble(Measured::scanRateVPerS).max().orElseThrow();
        List<FigurePoint> fit = List.of(FigurePoint.of(lowest * 1000, cdl.cdlMfPerCm2() * lowest + cdl.interceptMaPerCm2()),
                FigurePoint.of(highest * 1000, cdl.cdlMfPerCm2() * highest + cdl.interceptMaPerCm2()));
        double cs = context.options().specificCapacitanceMfPerCm2();
        Measured any = measured.get(0);
        return new Figure(FigureKind.CDL.id(), FigureKind.CDL.title(), List.of(run),
                new Axis("ν / mV s⁻¹", "scan_rate", "mV_per_s"), new Axis("(j_a − j_c)/2 / mA cm⁻²",
                "half_current_density_difference", "mA_per_cm2"), null,
                List.of(new Series("(j_a − j_c)/2", run, Series.YAxis.Y, Series.Style.MARKERS, points),
                        new Series("least-squares fit", run, Series.YAxis.Y, Series.Style.DASHED, fit)),
                List.of(new Fact("Cdl", cdl.cdlMfPerCm2(), "mF cm⁻²", run),
                        new Fact("R² of the fit", cdl.rSquared(), "", run),
                        new Fact("Cs (specific capacitance, stated)", cs, "mF cm⁻²", run),
                        new Fact("roughness factor Cdl/Cs", cdl.roughnessFactor(cs), "", run),
                        new Fact("ECSA", cdl.ecsaCm2(cs, cell.areaCm2()), "cm²", run),
                        new Fact("E* where j is read", any.potentialOnAxis(), any.scale(), run)),
                List.of("j_a and j_c are the current densities of the last anodic and cathodic sweep of each CV at "
                        + "the middle of its window; Cdl is the slope of (j_a − j_c)/2 against ν (mA cm⁻² per V s⁻¹ "
                        + "= mF cm⁻²); ECSA = Cdl / Cs × " + cell.areaCm2() + " cm² with Cs = " + cs
                        + " mF cm⁻² (query parameter specificCapacitanceMfPerCm2)"));
    }

    /** The ended CVs grouped by their window as written, in protocol order. */
    private static List<List<StepSummary>> windows(FigureContext context) {
        Map<String, List<StepSummary>> byWindow = new LinkedHashMap<>();
        for (StepSummary step : context.stepsOf(StepKind.CYCLIC_VOLTAMMETRY)) {
            Step.CyclicVoltammetry cv = cvAt(context, step);
            byWindow.computeIfAbsent(cv.first() + "|" + cv.second(), k -> new ArrayList<>()).add(step);
        }
        List<List<StepSummary>> windows = new ArrayList<>(byWindow.values());
        windows.sort(Comparator.comparingInt(w -> -w.size()));
        return windows;
    }

    private java.util.Optional<Measured> measure(FigureContext context, StepSummary step) {
        CellMetadata cell = context.cell();
        Step.CyclicVoltammetry cv = cvAt(context, step);
        double middleVsReference = (cv.first().toVoltsVsReference(cell) + cv.second().toVoltsVsReference(cell)) / 2;
        VoltammogramCrossing crossing = new VoltammogramCrossing(middleVsReference);
        samples.forEach(context.runId(), step, s -> {
            if (Double.isFinite(s.workingElectrodePotential())) {
                crossing.add(s.workingElectrodePotential(), Units.milliampsPerCm2(s.current(), cell.areaCm2()));
            }
        });
        if (Double.isNaN(crossing.anodicCurrentDensity()) || Double.isNaN(crossing.cathodicCurrentDensity())) {
            return java.util.Optional.empty();
        }
        boolean rhe = !Double.isNaN(cell.ph());
        return java.util.Optional.of(new Measured(cv.voltsPerSecond(), crossing.anodicCurrentDensity(),
                crossing.cathodicCurrentDensity(), rhe ? RheScale.of(cell).toRhe(middleVsReference) : middleVsReference,
                rhe ? "V vs RHE" : "V vs ref"));
    }

    private static Step.CyclicVoltammetry cvAt(FigureContext context, StepSummary step) {
        return context.contents().stepAt(step.stepLine(), Step.CyclicVoltammetry.class).orElseThrow(() ->
                new IllegalStateException("protocol line " + step.stepLine() + " of run " + context.runId()
                        + " is not a CV"));
    }

    private record Measured(double scanRateVPerS, double anodic, double cathodic, double potentialOnAxis,
                            String scale) {
    }
}
