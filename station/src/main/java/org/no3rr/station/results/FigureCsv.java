package org.no3rr.station.results;

import org.no3rr.station.export.CsvCells;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure as CSV: one row per plotted point, exactly the points of its JSON, each axis in its own
 * column with the unit in the header (the unit after the last underscore, as in every export):
 * {@code series,run,<x>,<y>[,<y>_sd][,<y2>[,<y2>_sd]][,n]}. A point of a right-axis series fills the
 * right-axis columns and leaves the left ones empty, and vice versa; a standard deviation that does
 * not exist (one replicate) is an empty cell, as is every absent value in the station's CSVs.
 */
public final class FigureCsv {

    private final Writer out;

    public FigureCsv(Writer out) {
        this.out = out;
    }

    /** The header line for {@code figure}. */
    public static String header(Figure figure) {
        List<String> columns = new ArrayList<>(List.of("series", "run", figure.x().header(), figure.y().header()));
        if (figure.hasDeviations(Series.YAxis.Y)) {
            columns.add(figure.y().deviationHeader());
        }
        if (figure.y2() != null) {
            columns.add(figure.y2().header());
            if (figure.hasDeviations(Series.YAxis.Y2)) {
                columns.add(figure.y2().deviationHeader());
            }
        }
        if (figure.hasCounts()) {
            columns.add("n");
        }
        return String.join(",", columns);
    }

    public void write(Figure figure) {
        CsvCells.line(out, header(figure));
        boolean leftDeviation = figure.hasDeviations(Series.YAxis.Y);
        boolean rightDeviation = figure.hasDeviations(Series.YAxis.Y2);
        boolean counts = figure.hasCounts();
        StringBuilder row = new StringBuilder(128);
        for (Series series : figure.series()) {
            boolean left = series.axis() == Series.YAxis.Y;
            for (FigurePoint point : series.points()) {
                row.setLength(0);
                CsvCells.appendText(row, series.name()).append(',').append(series.run()).append(',');
                CsvCells.appendOptional(row, point.x()).append(',');
                value(row, left, point.y());
                if (leftDeviation) {
                    value(row.append(','), left, point.sd());
                }
                if (figure.y2() != null) {
                    value(row.append(','), !left, point.y());
                    if (rightDeviation) {
                        value(row.append(','), !left, point.sd());
                    }
                }
                if (counts) {
                    row.append(',');
                    if (point.n() != null) {
                        row.append(point.n());
                    }
                }
                CsvCells.line(out, row);
            }
        }
    }

    private static void value(StringBuilder row, boolean here, double value) {
        if (here) {
            CsvCells.appendOptional(row, value);
        }
    }
}
