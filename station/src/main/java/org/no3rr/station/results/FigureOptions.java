package org.no3rr.station.results;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.station.service.InvalidRequestException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The query parameters of a figure, checked as sent, so a bad value is refused naming its parameter
 * (docs/results.md lists them with their ranges).
 *
 * @param cycles                     the cycles to overlay ({@code voltage-vs-capacity}, {@code dqdv}); null: a spread
 * @param binWidthV                  dQ/dV's voltage bin, V ({@code binMv}, default 10 mV)
 * @param specificCapacitanceMfPerCm2 Cs for the ECSA, mF cm⁻² ({@code specificCapacitanceMfPerCm2}, default 0.04)
 * @param capacity                   capacity basis; null: {@link Basis.Capacity#defaultFor}
 * @param yield                      yield basis; null: {@link Basis.Yield#defaultFor}
 * @param retention                  capacity retention's reference
 * @param widthMm                    the PNG's width at 300 dpi ({@code widthMm}, default 85: one journal column)
 */
public record FigureOptions(List<Integer> cycles, double binWidthV, double specificCapacitanceMfPerCm2,
                            Basis.Capacity capacity, Basis.Yield yield, RetentionReference retention, double widthMm) {

    public static final double DEFAULT_BIN_MV = 10;
    public static final double FEWEST_BIN_MV = 1;
    public static final double MOST_BIN_MV = 200;
    /** A typical Cs of a flat surface in neutral or acidic electrolyte (often 0.02–0.06 mF cm⁻²). */
    public static final double DEFAULT_SPECIFIC_CAPACITANCE_MF_PER_CM2 = 0.04;
    public static final double FEWEST_SPECIFIC_CAPACITANCE = 0.001;
    public static final double MOST_SPECIFIC_CAPACITANCE = 1;
    /** One column of most journals; 180 mm is a full page width. */
    public static final double DEFAULT_WIDTH_MM = 85;
    public static final double NARROWEST_MM = 40;
    public static final double WIDEST_MM = 180;
    public static final int MOST_CYCLES = 12;

    public static FigureOptions defaults() {
        return new FigureOptions(null, DEFAULT_BIN_MV / 1000, DEFAULT_SPECIFIC_CAPACITANCE_MF_PER_CM2, null, null,
                RetentionReference.firstCycle(), DEFAULT_WIDTH_MM);
    }

    /** @throws InvalidRequestException naming the parameter, its value and what is allowed */
    public static FigureOptions parse(String cycles, String binMv, String specificCapacitance, String capacity,
                                      String yield, RetentionReference retention, String widthMm) {
        return new FigureOptions(cycles(cycles),
                number("binMv", binMv, DEFAULT_BIN_MV, FEWEST_BIN_MV, MOST_BIN_MV, "mV") / 1000,
                number("specificCapacitanceMfPerCm2", specificCapacitance, DEFAULT_SPECIFIC_CAPACITANCE_MF_PER_CM2,
                        FEWEST_SPECIFIC_CAPACITANCE, MOST_SPECIFIC_CAPACITANCE, "mF cm⁻²"),
                Basis.Capacity.parse(capacity), Basis.Yield.parse(yield),
                retention == null ? RetentionReference.firstCycle() : retention,
                number("widthMm", widthMm, DEFAULT_WIDTH_MM, NARROWEST_MM, WIDEST_MM, "mm"));
    }

    /** These options with every basis left open set to the one all {@code cells} allow. */
    public FigureOptions resolvedFor(Collection<CellMetadata> cells) {
        return new FigureOptions(cycles, binWidthV, specificCapacitanceMfPerCm2,
                capacity != null ? capacity : Basis.Capacity.defaultFor(cells),
                yield != null ? yield : Basis.Yield.defaultFor(cells), retention, widthMm);
    }

    private static List<Integer> cycles(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Integer> cycles = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int cycle;
            try {
                cycle = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                cycle = 0;
            }
            if (cycle < 1 || cycle > 1_000_000) {
                throw new InvalidRequestException("cycles", "cycles is '" + text + "' but must be cycle numbers from 1 "
                        + "to 1000000 separated by commas, e.g. cycles=1,10,100");
            }
            if (!cycles.contains(cycle)) {
                cycles.add(cycle);
            }
        }
        if (cycles.size() > MOST_CYCLES) {
            throw new InvalidRequestException("cycles", "cycles names " + cycles.size() + " cycles; at most "
                    + MOST_CYCLES + " can be overlaid in one figure");
        }
        return List.copyOf(cycles);
    }

    private static double number(String name, String text, double fallback, double min, double max, String unit) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= min && value <= max)) {
            throw new InvalidRequestException(name, name + " is '" + text + "' but must be a number from "
                    + format(min) + " to " + format(max) + " " + unit + " (default " + format(fallback) + ")");
        }
        return value;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
