package org.no3rr.station.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An axis range widened to round numbers and its ticks, about five of them, at steps of 1, 2, 2.5
 * or 5 × 10ⁿ — what a person would choose for a printed figure. Tick labels carry the decimals the
 * step needs and a real minus sign (U+2212).
 *
 * @param min  the axis's start, a multiple of {@code step}
 * @param max  the axis's end, a multiple of {@code step}
 * @param step the distance between ticks
 */
public record NiceScale(double min, double max, double step) {

    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};
    private static final int TICKS = 5;

    /** The scale around the data's range; an empty or single-valued range is widened around its value. */
    public static NiceScale around(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return new NiceScale(0, 1, 0.2);
        }
        if (high - low < Math.max(Math.abs(high), Math.abs(low)) * 1e-9 || high == low) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double raw = (high - low) / TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double m : MANTISSAS) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        return new NiceScale(Math.floor(low / step + 1e-9) * step, Math.ceil(high / step - 1e-9) * step, step);
    }

    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((max - min) / step);
        for (long i = 0; i <= count; i++) {
            ticks.add(min + i * step);
        }
        return ticks;
    }

    /** "−0.25", "100", "0.5": as many decimals as the step needs. */
    public String label(double value) {
        double mantissaStep = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9) + (mantissaStep == 2.5 ? 1 : 0));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value) < step * 1e-6 ? 0 : value);
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }
}
