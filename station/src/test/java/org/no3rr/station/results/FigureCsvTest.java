package org.no3rr.station.results;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A figure's CSV: exactly its points, one row each, units in the headers, absent values empty. */
class FigureCsvTest {

    private static final Axis POTENTIAL = new Axis("E / V vs RHE", "potential_vs_rhe", "V");
    private static final Axis FE = new Axis("FE / %", "faradaic_efficiency", "percent");
    private static final Axis YIELD = new Axis("yield / mg h⁻¹ mg_cat⁻¹", "yield", "mg_per_h_per_mg_cat");

    @Test
    void meansWithDeviationsOnBothAxesFillTheirOwnColumnsAndLeaveTheOtherAxisEmpty() {
        Figure figure = new Figure("fe-vs-potential", "FE", List.of(12L), POTENTIAL, FE, YIELD, List.of(
                new Series("FE NH3", 12, Series.YAxis.Y, Series.Style.BARS, List.of(
                        new FigurePoint(-0.2, 40.0, Double.NaN, 1), new FigurePoint(-0.1, 45.0, 2.5, 2))),
                new Series("yield NH3", 12, Series.YAxis.Y2, Series.Style.MARKERS, List.of(
                        new FigurePoint(-0.2, 1.5, Double.NaN, 1), new FigurePoint(-0.1, 1.75, 0.125, 2)))),
                List.of(), List.of());

        assertThat(csv(figure)).isEqualTo("""
                series,run,potential_vs_rhe_V,faradaic_efficiency_percent,faradaic_efficiency_sd_percent,\
                yield_mg_per_h_per_mg_cat,yield_sd_mg_per_h_per_mg_cat,n
                FE NH3,12,-0.2,40.0,,,,1
                FE NH3,12,-0.1,45.0,2.5,,,2
                yield NH3,12,-0.2,,,1.5,,1
                yield NH3,12,-0.1,,,1.75,0.125,2
                """);
    }

    @Test
    void plainPointsHaveNoDeviationOrCountColumnsAndANameWithACommaIsQuoted() {
        Figure figure = new Figure("recycling-charge", "Q", List.of(3L), new Axis("cycle", "cycle", ""),
                new Axis("Q / C", "cathodic_charge", "C"), null, List.of(
                new Series("run 3 · Q, cathodic", 3, Series.YAxis.Y, Series.Style.BARS,
                        List.of(FigurePoint.of(1, 7.25), FigurePoint.of(2, Double.NaN)))), List.of(), List.of());

        assertThat(csv(figure)).isEqualTo("""
                series,run,cycle,cathodic_charge_C
                "run 3 · Q, cathodic",3,1.0,7.25
                "run 3 · Q, cathodic",3,2.0,
                """);
    }

    private static String csv(Figure figure) {
        StringWriter out = new StringWriter();
        new FigureCsv(out).write(figure);
        return out.toString();
    }
}
