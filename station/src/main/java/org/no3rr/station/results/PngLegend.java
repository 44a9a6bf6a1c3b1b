package org.no3rr.station.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The legend of a PNG figure, above the plot where it hides no data: one entry per series (its
 * swatch drawn as the series is: a line, a dashed line, a marker or a bar) flowing into rows, then
 * the figure's facts, one per row ("Cdl = 2.52 mF cm⁻²").
 */
final class PngLegend {

    private final Graphics2D g;
    private final Figure figure;
    private final Font font;
    private final double pt;
    private final int width;

    PngLegend(Graphics2D g, Figure figure, Font font, double pixelsPerPoint, int width) {
        this.g = g;
        this.figure = figure;
        this.font = font;
        this.pt = pixelsPerPoint;
        this.width = width;
    }

    /** Draws the legend from the top; returns where it ends. */
    double draw() {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics(font);
        double rowHeight = metrics.getHeight() + 1.5 * pt;
        double swatch = 14 * pt;
        double margin = 4 * pt;
        double x = margin;
        double y = margin;
        for (int i = 0; i < figure.series().size(); i++) {
            Series series = figure.series().get(i);
            double entry = swatch + 3 * pt + metrics.stringWidth(series.name()) + 8 * pt;
            if (x > margin && x + entry > width - margin) {
                x = margin;
                y += rowHeight;
            }
            double middle = y + rowHeight / 2;
            drawSwatch(series, i, x, middle, swatch);
            g.setColor(Color.BLACK);
            g.drawString(series.name(), (float) (x + swatch + 3 * pt), (float) (middle + metrics.getAscent() / 2.0
                    - pt / 2));
            x += entry;
        }
        y += rowHeight;
        for (String line : factLines()) {
            g.setColor(Color.BLACK);
            g.drawString(line, (float) margin, (float) (y + metrics.getAscent()));
            y += rowHeight;
        }
        return y;
    }

    private List<String> factLines() {
        List<String> lines = new ArrayList<>();
        for (Fact fact : figure.facts()) {
            if (Double.isFinite(fact.value())) {
                lines.add(fact.label() + " = " + Decimals.printed(fact.value(), 4) + (fact.unit().isEmpty() ? "" : " "
                        + fact.unit()));
            }
        }
        return lines;
    }

    private void drawSwatch(Series series, int index, double x, double middle, double length) {
        Color color = Color.decode(series.color());
        g.setColor(color);
        switch (series.style()) {
            case BARS -> g.fill(new Rectangle2D.Double(x + length * 0.25, middle - 3 * pt, length * 0.5, 6 * pt));
            case MARKERS -> g.fill(marker(index, x + length / 2, middle, 2 * pt));
            default -> {
                float[] dash = series.style() == Series.Style.DASHED ? new float[] {(float) (3 * pt), (float) (2 * pt)}
                        : null;
                g.setStroke(new BasicStroke((float) pt, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
                g.draw(new Line2D.Double(x, middle, x + length, middle));
                if (series.style() == Series.Style.LINE_MARKERS) {
                    g.fill(marker(index, x + length / 2, middle, 2 * pt));
                }
            }
        }
    }

    /** Circle, square, triangle, diamond in turn: series stay apart in greyscale too. */
    static Shape marker(int index, double x, double y, double r) {
        return switch (index % 4) {
            case 0 -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
            case 2 -> polygon(new double[] {x, x + r * 1.1, x - r * 1.1}, new double[] {y - r * 1.2, y + r * 0.8,
                    y + r * 0.8});
            default -> polygon(new double[] {x, x + r * 1.2, x, x - r * 1.2}, new double[] {y - r * 1.2, y, y + r * 1.2,
                    y});
        };
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        return path;
    }
}
