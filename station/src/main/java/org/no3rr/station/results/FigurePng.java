package org.no3rr.station.results;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * A figure as a print-resolution PNG, drawn with Java2D: 300 dpi at the asked width (85 mm, one
 * journal column, is 1004 px), the resolution stored in the file's pHYs chunk, axis titles with
 * units, tick labels with a real minus sign, a legend above the plot, the figure's facts under it,
 * and the series' own Okabe–Ito colours ({@link Palette}) — the same points as the JSON. Markers
 * change shape from series to series, so a greyscale print still tells them apart.
 */
public final class FigurePng {

    public static final int DPI = 300;
    private static final double PX_PER_PT = DPI / 72.0;
    private static final double HEIGHT_PER_WIDTH = 0.78;
    private static final String FONT = fontFamily();

    private final Figure figure;
    private final int width;
    private final int height;
    private final Font labelFont;
    private final Font tickFont;
    private final Font legendFont;
    private Graphics2D g;
    private Rectangle2D.Double plot;
    private NiceScale xScale;
    private NiceScale yScale;
    private NiceScale y2Scale;
    private BarSlots bars;

    private FigurePng(Figure figure, double widthMm) {
        this.figure = figure;
        this.width = (int) Math.round(widthMm / 25.4 * DPI);
        this.height = (int) Math.round(width * HEIGHT_PER_WIDTH);
        this.labelFont = font(8);
        this.tickFont = font(7);
        this.legendFont = font(6.5);
    }

    /** Writes the figure as PNG to {@code out}, which stays open. */
    public static void write(Figure figure, double widthMm, OutputStream out) throws IOException {
        new FigurePng(figure, widthMm).writeTo(out);
    }

    /** The width in pixels of a figure {@code widthMm} wide at {@value #DPI} dpi. */
    public static int widthPx(double widthMm) {
        return (int) Math.round(widthMm / 25.4 * DPI);
    }

    private void writeTo(OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            bars = new BarSlots(figure);
            xScale = scaleOfX();
            yScale = scaleOf(Series.YAxis.Y);
            y2Scale = figure.y2() == null ? null : scaleOf(Series.YAxis.Y2);
            double legendBottom = new PngLegend(g, figure, legendFont, pt(1), width).draw();
            layOut(legendBottom);
            drawAxes();
            Shape clip = g.getClip();
            g.clip(plot);
            for (int i = 0; i < figure.series().size(); i++) {
                drawSeries(figure.series().get(i), i);
            }
            g.setClip(clip);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke((float) pt(0.75)));
            g.draw(plot);
        } finally {
            g.dispose();
        }
        writePng(image, out);
    }

    private void layOut(double top) {
        FontMetrics ticks = g.getFontMetrics(tickFont);
        FontMetrics labels = g.getFontMetrics(labelFont);
        double leftTicks = yScale.ticks().stream().mapToDouble(t -> ticks.stringWidth(yScale.label(t))).max().orElse(0);
        double rightTicks = y2Scale == null ? 0
                : y2Scale.ticks().stream().mapToDouble(t -> ticks.stringWidth(y2Scale.label(t))).max().orElse(0);
        double left = pt(4) + labels.getHeight() + pt(3) + leftTicks + pt(3);
        double right = y2Scale == null ? pt(8) : pt(3) + rightTicks + pt(3) + labels.getHeight() + pt(4);
        double bottom = pt(3) + ticks.getHeight() + pt(3) + labels.getHeight() + pt(3);
        double plotTop = top + pt(3);
        plot = new Rectangle2D.Double(left, plotTop, width - left - right, height - plotTop - bottom);
    }

    private void drawAxes() {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke((float) pt(0.75)));
        FontMetrics ticks = g.getFontMetrics(tickFont);
        g.setFont(tickFont);
        double tick = pt(3);
        for (double t : xScale.ticks()) {
            double px = x(t);
            g.draw(new java.awt.geom.Line2D.Double(px, plot.getMaxY(), px, plot.getMaxY() - tick));
            String text = xScale.label(t);
            g.drawString(text, (float) (px - ticks.stringWidth(text) / 2.0), (float) (plot.getMaxY() + pt(3)
                    + ticks.getAscent()));
        }
        for (double t : yScale.ticks()) {
            double py = y(yScale, t);
            g.draw(new java.awt.geom.Line2D.Double(plot.getMinX(), py, plot.getMinX() + tick, py));
            String text = yScale.label(t);
            g.drawString(text, (float) (plot.getMinX() - pt(3) - ticks.stringWidth(text)),
                    (float) (py + ticks.getAscent() / 2.0 - pt(0.5)));
        }
        if (y2Scale != null) {
            for (double t : y2Scale.ticks()) {
                double py = y(y2Scale, t);
                g.draw(new java.awt.geom.Line2D.Double(plot.getMaxX(), py, plot.getMaxX() - tick, py));
                g.drawString(y2Scale.label(t), (float) (plot.getMaxX() + pt(3)),
                        (float) (py + ticks.getAscent() / 2.0 - pt(0.5)));
            }
        }
        FontMetrics labels = g.getFontMetrics(labelFont);
        g.setFont(labelFont);
        String xTitle = figure.x().label();
        g.drawString(xTitle, (float) (plot.getCenterX() - labels.stringWidth(xTitle) / 2.0),
                (float) (height - pt(3) - labels.getDescent()));
        vertical(figure.y().label(), pt(4) + labels.getAscent(), labels, -Math.PI / 2);
        if (figure.y2() != null) {
            vertical(figure.y2().label(), width - pt(4) - labels.getAscent(), labels, Math.PI / 2);
        }
    }

    private void vertical(String text, double baselineX, FontMetrics metrics, double angle) {
        AffineTransform saved = g.getTransform();
        g.translate(baselineX, plot.getCenterY());
        g.rotate(angle);
        g.drawString(text, (float) (-metrics.stringWidth(text) / 2.0), 0f);
        g.setTransform(saved);
    }

    private void drawSeries(Series series, int index) {
        NiceScale scale = series.axis() == Series.YAxis.Y ? yScale : y2Scale;
        Color color = Color.decode(series.color());
        List<FigurePoint> points = series.points();
        g.setColor(color);
        if (series.style() == Series.Style.BARS) {
            drawBars(series, scale, color);
            return;
        }
        if (series.style() != Series.Style.MARKERS) {
            float[] dash = series.style() == Series.Style.DASHED ? new float[] {(float) pt(3), (float) pt(2)} : null;
            g.setStroke(new BasicStroke((float) pt(1), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            Path2D.Double path = new Path2D.Double();
            boolean pen = false;
            for (FigurePoint p : points) {
                if (!Double.isFinite(p.y())) {
                    pen = false;
                    continue;
                }
                if (pen) {
                    path.lineTo(x(p.x()), y(scale, p.y()));
                } else {
                    path.moveTo(x(p.x()), y(scale, p.y()));
                    pen = true;
                }
            }
            g.draw(path);
        }
        g.setStroke(new BasicStroke((float) pt(0.75)));
        for (FigurePoint p : points) {
            if (Double.isFinite(p.y())) {
                errorBar(x(p.x()), scale, p);
                if (series.style() == Series.Style.MARKERS || series.style() == Series.Style.LINE_MARKERS) {
                    g.fill(PngLegend.marker(index, x(p.x()), y(scale, p.y()), pt(2)));
                }
            }
        }
    }

    private void drawBars(Series series, NiceScale scale, Color color) {
        double base = y(scale, Math.max(scale.min(), Math.min(0, scale.max())));
        for (FigurePoint p : series.points()) {
            if (!Double.isFinite(p.y())) {
                continue;
            }
            double centre = x(p.x() + bars.offset(series));
            double half = Math.abs(x(bars.width()) - x(0)) / 2;
            double top = y(scale, p.y());
            g.setColor(color);
            g.fill(new Rectangle2D.Double(centre - half, Math.min(top, base), 2 * half, Math.abs(base - top)));
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke((float) pt(0.75)));
            errorBar(centre, scale, p);
        }
    }

    private void errorBar(double px, NiceScale scale, FigurePoint p) {
        if (Double.isNaN(p.sd())) {
            return;
        }
        double low = y(scale, p.y() - p.sd());
        double high = y(scale, p.y() + p.sd());
        double cap = pt(1.5);
        g.draw(new java.awt.geom.Line2D.Double(px, low, px, high));
        g.draw(new java.awt.geom.Line2D.Double(px - cap, low, px + cap, low));
        g.draw(new java.awt.geom.Line2D.Double(px - cap, high, px + cap, high));
    }

    private NiceScale scaleOfX() {
        double[] xs = figure.series().stream().flatMap(s -> s.points().stream()).mapToDouble(FigurePoint::x)
                .filter(Double::isFinite).toArray();
        double low = Arrays.stream(xs).min().orElse(0);
        double high = Arrays.stream(xs).max().orElse(1);
        return NiceScale.around(low - bars.halfSlot(), high + bars.halfSlot());
    }

    private NiceScale scaleOf(Series.YAxis axis) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : figure.series()) {
            if (s.axis() != axis) {
                continue;
            }
            for (FigurePoint p : s.points()) {
                if (Double.isFinite(p.y())) {
                    double sd = Double.isNaN(p.sd()) ? 0 : p.sd();
                    low = Math.min(low, p.y() - sd);
                    high = Math.max(high, p.y() + sd);
                }
            }
            if (s.style() == Series.Style.BARS) {
                low = Math.min(low, 0);
                high = Math.max(high, 0);
            }
        }
        return low > high ? NiceScale.around(0, 1) : NiceScale.around(low, high);
    }

    private double x(double value) {
        return plot.getMinX() + (value - xScale.min()) / (xScale.max() - xScale.min()) * plot.getWidth();
    }

    private double y(NiceScale scale, double value) {
        return plot.getMaxY() - (value - scale.min()) / (scale.max() - scale.min()) * plot.getHeight();
    }

    private static double pt(double points) {
        return points * PX_PER_PT;
    }

    private static Font font(double points) {
        return new Font(FONT, Font.PLAIN, 1).deriveFont((float) pt(points));
    }

    /** DejaVu Sans has every glyph the labels use (⁻¹, µ, ν, −); without it, Java's logical sans-serif font. */
    private static String fontFamily() {
        try {
            return Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                    .contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
        } catch (RuntimeException | Error e) {
            return Font.SANS_SERIF;
        }
    }

    private static void writePng(BufferedImage image, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            // The PNG format's own pHYs chunk, in pixels per metre: the JDK's writer turns the standard
            // format's HorizontalPixelSize (mm per pixel) into 1000 × that value (85 per metre), not its inverse.
            String perMetre = Long.toString(Math.round(DPI / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
            stream.flush();
        } finally {
            writer.dispose();
        }
    }

    /** Where each bar series stands at an x: side by side within a slot of 80 % of the closest x spacing. */
    private static final class BarSlots {
        private final List<Series> barSeries;
        private final double slot;

        BarSlots(Figure figure) {
            barSeries = figure.series().stream().filter(s -> s.style() == Series.Style.BARS).toList();
            double[] xs = barSeries.stream().flatMap(s -> s.points().stream()).mapToDouble(FigurePoint::x)
                    .distinct().sorted().toArray();
            double closest = Double.POSITIVE_INFINITY;
            for (int i = 1; i < xs.length; i++) {
                closest = Math.min(closest, xs[i] - xs[i - 1]);
            }
            slot = barSeries.isEmpty() ? 0 : 0.8 * (Double.isFinite(closest) ? closest
                    : xs.length == 1 && xs[0] != 0 ? Math.abs(xs[0]) * 0.5 : 1);
        }

        double halfSlot() {
            return slot / 2;
        }

        double width() {
            return barSeries.isEmpty() ? 0 : 0.9 * slot / barSeries.size();
        }

        double offset(Series series) {
            int k = barSeries.indexOf(series);
            return (k - (barSeries.size() - 1) / 2.0) * slot / barSeries.size();
        }
    }
}
