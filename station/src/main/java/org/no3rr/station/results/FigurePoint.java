package org.no3rr.station.results;

/**
 * One plotted point. For a mean of replicates, {@code sd} is their sample standard deviation (drawn
 * as an error bar) and {@code n} their number; otherwise sd is NaN (null in JSON, an empty CSV cell)
 * and n is null.
 */
public record FigurePoint(double x, double y, double sd, Integer n) {

    public static FigurePoint of(double x, double y) {
        return new FigurePoint(x, y, Double.NaN, null);
    }
}
