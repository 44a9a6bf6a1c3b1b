package org.no3rr.station.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.metrics.Replicates;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.electrolysis.CurrentRetention;
import org.no3rr.metrics.electrolysis.HoldSummary;
import org.no3rr.metrics.quantification.YieldRate;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.ReadingService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The electrolysis figures built from the holds' stored summaries and the readings entered for
 * them: FE and yield against the hold potential (seed 000, Fig. S38), and per recycling cycle
 * (Fig. S42) with each hold's charge and current retention. FE and yield are those of
 * {@code /readings}, computed there; here they are only grouped and averaged.
 */
@ApplicationScoped
public class ElectrolysisFigures {

    private static final Axis FE_AXIS = new Axis("FE / %", "faradaic_efficiency", "percent");
    private static final Axis CYCLE_AXIS = new Axis("cycle", "cycle", "");

    @Inject
    ReadingService readings;

    /** One bar per product and hold potential: the mean FE of its readings ± SD, yield likewise on the right. */
    public Figure feVsPotential(FigureContext context) {
        Map<Integer, StepSummary> holds = holdsByNumber(context);
        Map<String, Map<Double, List<ReadingService.Result>>> byProduct = new LinkedHashMap<>();
        for (ReadingService.Result reading : readingsOfHolds(context, holds)) {
            double potential = HoldPotentials.of(context, holds.get(reading.stepNumber()));
            byProduct.computeIfAbsent(productName(reading.product()), p -> new TreeMap<>())
                    .computeIfAbsent(roundedToMicrovolts(potential), e -> new ArrayList<>()).add(reading);
        }
        return productFigure(context, FigureKind.FE_VS_POTENTIAL, HoldPotentials.axis(context.cell()), "potential",
                byProduct);
    }

    /** Per recycling cycle: each hold's readings' mean FE ± SD, and its yield. */
    public Figure recycling(FigureContext context) {
        Map<Integer, StepSummary> holds = holdsByNumber(context);
        Map<String, Map<Double, List<ReadingService.Result>>> byProduct = new LinkedHashMap<>();
        for (ReadingService.Result reading : readingsOfHolds(context, holds)) {
            byProduct.computeIfAbsent(productName(reading.product()), p -> new TreeMap<>())
                    .computeIfAbsent((double) holds.get(reading.stepNumber()).cycle(), c -> new ArrayList<>())
                    .add(reading);
        }
        Figure figure = productFigure(context, FigureKind.RECYCLING, CYCLE_AXIS, "cycle", byProduct);
        List<Fact> facts = new ArrayList<>();
        for (Series series : figure.series()) {
            if (series.axis() == Series.YAxis.Y && series.points().size() > 1) {
                Replicates overCycles = Replicates.of(series.points().stream().mapToDouble(FigurePoint::y).toArray());
                facts.add(new Fact("mean " + series.name() + " over " + overCycles.count() + " cycles",
                        overCycles.mean(), "%", context.runId()));
                facts.add(new Fact("SD of " + series.name() + " over the cycles", overCycles.standardDeviation(), "%",
                        context.runId()));
            }
        }
        return new Figure(figure.id(), figure.title(), figure.runs(), figure.x(), figure.y(), figure.y2(),
                figure.series(), facts, figure.notes());
    }

    /** Per recycling cycle: the cathodic charge of each hold and its mean current relative to the first hold's. */
    public Figure recyclingCharge(FigureContext context) {
        List<StepSummary> holds = context.stepsOf(StepKind.HOLD);
        if (holds.isEmpty()) {
            throw new ConflictException("run " + context.runId() + " has no ended hold yet");
        }
        List<HoldSummary> summaries = holds.stream().map(h -> HoldSummary.of(h, context.cell().areaCm2())).toList();
        List<CurrentRetention.Point> retention;
        try {
            retention = CurrentRetention.relativeToFirst(summaries);
        } catch (IllegalArgumentException e) {
            throw new ConflictException("run " + context.runId() + ": " + e.getMessage());
        }
        List<FigurePoint> charge = new ArrayList<>();
        List<FigurePoint> retained = new ArrayList<>();
        for (int i = 0; i < holds.size(); i++) {
            charge.add(FigurePoint.of(holds.get(i).cycle(), summaries.get(i).cathodicChargeCoulombs()));
            retained.add(FigurePoint.of(holds.get(i).cycle(), retention.get(i).currentRetentionPercent()));
        }
        long run = context.runId();
        return new Figure(FigureKind.RECYCLING_CHARGE.id(), FigureKind.RECYCLING_CHARGE.title(), List.of(run),
                CYCLE_AXIS, new Axis("Q / C", "cathodic_charge", "C"),
                new Axis("current retention / %", "current_retention", "percent"),
                List.of(new Series("cathodic charge", run, Series.YAxis.Y, Series.Style.BARS, charge),
                        new Series("current retention", run, Series.YAxis.Y2, Series.Style.LINE_MARKERS, retained)),
                List.of(new Fact("current retention of the last hold", retained.get(retained.size() - 1).y(), "%", run)),
                List.of("Q is the cathodic charge of each hold; current retention is 100 · j_n / j_1 of the holds' "
                        + "mean current densities"));
    }

    private Figure productFigure(FigureContext context, FigureKind kind, Axis x, String groupedBy,
                                 Map<String, Map<Double, List<ReadingService.Result>>> byProduct) {
        Basis.Yield basis = context.options().yield();
        long run = context.runId();
        List<Series> fe = new ArrayList<>();
        List<Series> yields = new ArrayList<>();
        byProduct.forEach((product, groups) -> {
            fe.add(new Series("FE " + product, run, Series.YAxis.Y, Series.Style.BARS,
                    points(groups, r -> r.faradaicEfficiencyPercent())));
            yields.add(new Series("yield " + product, run, Series.YAxis.Y2, Series.Style.MARKERS,
                    points(groups, r -> yieldOf(r.yield(), basis, context))));
        });
        List<Series> series = new ArrayList<>(fe);
        series.addAll(yields);
        return new Figure(kind.id(), kind.title(), List.of(run), x, FE_AXIS,
                new Axis("yield / " + basis.unit(), "yield", basis.header()), series, List.of(),
                List.of("bars and markers are the mean of the readings at each " + groupedBy
                        + "; error bars their sample standard deviation (n − 1) where n ≥ 2"));
    }

    private static List<FigurePoint> points(Map<Double, List<ReadingService.Result>> groups,
                                            ToDoubleFunction<ReadingService.Result> value) {
        List<FigurePoint> points = new ArrayList<>(groups.size());
        groups.forEach((x, results) -> {
            Replicates r = Replicates.of(results.stream().mapToDouble(value).toArray());
            points.add(new FigurePoint(x, r.mean(), r.standardDeviation(), r.count()));
        });
        return points;
    }

    private static double yieldOf(YieldRate yield, Basis.Yield basis, FigureContext context) {
        double value = basis == Basis.Yield.PER_MG_CAT ? yield.mgPerHourPerMgCat() : yield.ugPerHourPerCm2();
        if (Double.isNaN(value)) {
            throw new InvalidRequestException("yield", "yield=per-mg-cat needs the catalyst mass, and run "
                    + context.runId() + " has no cell.catalystMassMg; use yield=per-cm2");
        }
        return value;
    }

    private static Map<Integer, StepSummary> holdsByNumber(FigureContext context) {
        Map<Integer, StepSummary> holds = new LinkedHashMap<>();
        context.stepsOf(StepKind.HOLD).forEach(h -> holds.put(h.stepNumber(), h));
        return holds;
    }

    private List<ReadingService.Result> readingsOfHolds(FigureContext context, Map<Integer, StepSummary> holds) {
        List<ReadingService.Result> ofHolds = readings.list(context.runId()).stream()
                .filter(r -> holds.containsKey(r.stepNumber())).toList();
        if (ofHolds.isEmpty()) {
            throw new ConflictException("run " + context.runId() + " has no readings for its holds yet: enter the "
                    + "product of each hold (POST /api/runs/" + context.runId() + "/readings) to get its FE and yield");
        }
        return ofHolds;
    }

    /** NH3, NO2⁻, N2H4, H2: as a chemist writes them. */
    static String productName(String analyte) {
        return analyte.replace("_MINUS", "⁻");
    }

    private static double roundedToMicrovolts(double volts) {
        return Math.round(volts * 1e6) / 1e6;
    }
}
