package org.no3rr.station.results;

import org.no3rr.cell.CellMetadata;
import org.no3rr.station.service.InvalidRequestException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What a capacity or a yield is normalised by in a figure (domain.md: every normalised value says
 * by what). The default is the most specific one every run of the figure allows: per g of zinc
 * (per mg of catalyst) when each cell gives the mass, else per cm² of geometric area; a comparison
 * therefore always shares one basis.
 */
public final class Basis {

    private Basis() {
    }

    /** A basis as it is named: in the query, on an axis and in a CSV header. */
    public interface Choice {

        /** The names of this basis. */
        Names names();

        /** The unit as printed on an axis. */
        default String unit() {
            return names().unit();
        }

        /** The unit in a CSV header. */
        default String header() {
            return names().header();
        }
    }

    /** @param query the value of its query parameter */
    public record Names(String query, String unit, String header) {
    }

    /** The capacity of a battery half: {@code capacity=per-g-zn|per-cm2|mah}. */
    public enum Capacity implements Choice {
        PER_G_ZN("per-g-zn", "mAh g⁻¹", "mAh_per_g_Zn"),
        PER_CM2("per-cm2", "mAh cm⁻²", "mAh_per_cm2"),
        MAH("mah", "mAh", "mAh");

        private final Names names;

        Capacity(String query, String unit, String header) {
            this.names = new Names(query, unit, header);
        }

        @Override
        public Names names() {
            return names;
        }

        /** mAh on this basis; NaN when the cell lacks the mass. */
        public double of(double mah, CellMetadata cell) {
            return switch (this) {
                case PER_G_ZN -> mah / cell.znMassG();
                case PER_CM2 -> mah / cell.areaCm2();
                case MAH -> mah;
            };
        }

        public static Capacity parse(String text) {
            return Basis.parse(values(), "capacity", text);
        }

        /** Per g of Zn when every cell gives its Zn mass, else per cm². */
        public static Capacity defaultFor(Collection<CellMetadata> cells) {
            return everyCellGives(cells, CellMetadata::znMassG) ? PER_G_ZN : PER_CM2;
        }
    }

    /** The yield rate of a product: {@code yield=per-mg-cat|per-cm2}. */
    public enum Yield implements Choice {
        PER_MG_CAT("per-mg-cat", "mg h⁻¹ mg_cat⁻¹", "mg_per_h_per_mg_cat"),
        PER_CM2("per-cm2", "µg h⁻¹ cm⁻²", "ug_per_h_per_cm2");

        private final Names names;

        Yield(String query, String unit, String header) {
            this.names = new Names(query, unit, header);
        }

        @Override
        public Names names() {
            return names;
        }

        public static Yield parse(String text) {
            return Basis.parse(values(), "yield", text);
        }

        /** Per mg of catalyst when every cell gives its catalyst mass, else per cm². */
        public static Yield defaultFor(Collection<CellMetadata> cells) {
            return everyCellGives(cells, CellMetadata::catalystMassMg) ? PER_MG_CAT : PER_CM2;
        }
    }

    /**
     * {@code mah} on {@code basis} for the run of {@code context}.
     *
     * @throws InvalidRequestException naming {@code capacity} when the basis needs a mass the cell lacks
     */
    static double of(Capacity basis, double mah, FigureContext context) {
        double value = basis.of(mah, context.cell());
        if (Double.isNaN(value) && !Double.isNaN(mah)) {
            throw new InvalidRequestException("capacity", "capacity=per-g-zn needs the zinc mass, and run "
                    + context.runId() + " has no cell.znMassG; use capacity=per-cm2");
        }
        return value;
    }

    /** Whether every cell gives the mass a basis divides by (NaN: not given). */
    private static boolean everyCellGives(Collection<CellMetadata> cells, ToDoubleFunction<CellMetadata> mass) {
        return cells.stream().allMatch(c -> !Double.isNaN(mass.applyAsDouble(c)));
    }

    /** The basis whose query name is {@code text}; null for null (the default applies). */
    private static <E extends Choice> E parse(E[] values, String field, String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(v -> v.names().query().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, field + " is '" + text + "' but must be one of "
                        + Arrays.stream(values).map(v -> v.names().query()).collect(Collectors.joining(", "))));
    }
}
