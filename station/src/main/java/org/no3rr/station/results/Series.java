package org.no3rr.station.results;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;

/**
 * One line, set of markers or set of bars of a figure.
 *
 * @param name   its legend entry, e.g. {@code FE NH3} or, in a comparison, {@code run 7 · FE NH3}
 * @param run    the run its points come from
 * @param axis   {@code y} (left) or {@code y2} (right)
 * @param style  how it is drawn
 * @param color  its colour, {@code #rrggbb}, from {@link Palette}: the page and the PNG draw the same
 * @param points in the order drawn
 */
public record Series(String name, long run, YAxis axis, Style style, String color, List<FigurePoint> points) {

    public Series {
        points = List.copyOf(points);
    }

    public Series(String name, long run, YAxis axis, Style style, List<FigurePoint> points) {
        this(name, run, axis, style, null, points);
    }

    public Series withColor(String newColor) {
        return new Series(name, run, axis, style, newColor, points);
    }

    /** In a comparison: the run in front of the name. */
    public Series ofRun() {
        return new Series("run " + run + " · " + name, run, axis, style, color, points);
    }

    public enum YAxis {
        Y, Y2;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Style {
        /** Points joined in order. */
        LINE,
        /** Markers only. */
        MARKERS,
        /** Markers joined in order. */
        LINE_MARKERS,
        /** A bar from 0 per point; series of bars at one x stand side by side. */
        BARS,
        /** A dashed line, e.g. a least-squares fit. */
        DASHED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
