package org.no3rr.station.results;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure as the station serves it: exactly the points drawn, with their axes, so the page, the
 * PNG, the CSV and a script all show the same numbers (docs/results.md).
 *
 * @param id     the figure's name in URLs, e.g. {@code fe-vs-potential}
 * @param title  what it shows, in words
 * @param runs   the runs drawn (one, or those of a comparison)
 * @param x      the horizontal axis
 * @param y      the left axis
 * @param y2     the right axis, or null when no series uses it
 * @param series what is drawn, in order
 * @param facts  numbers stated with the figure
 * @param notes  how it was computed, where a reader must know (a bin width, an assumed Cs)
 */
public record Figure(String id, String title, List<Long> runs, Axis x, Axis y, Axis y2, List<Series> series,
                     List<Fact> facts, List<String> notes) {

    public Figure {
        runs = List.copyOf(runs);
        series = List.copyOf(series);
        facts = List.copyOf(facts);
        notes = List.copyOf(notes);
    }

    /** Every series coloured from the palette, in order. */
    public Figure painted() {
        List<Series> coloured = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            coloured.add(series.get(i).withColor(Palette.color(i)));
        }
        return new Figure(id, title, runs, x, y, y2, coloured, facts, notes);
    }

    public int pointCount() {
        return series.stream().mapToInt(s -> s.points().size()).sum();
    }

    public boolean hasDeviations(Series.YAxis axis) {
        return series.stream().filter(s -> s.axis() == axis)
                .anyMatch(s -> s.points().stream().anyMatch(p -> !Double.isNaN(p.sd())));
    }

    public boolean hasCounts() {
        return series.stream().anyMatch(s -> s.points().stream().anyMatch(p -> p.n() != null));
    }
}
