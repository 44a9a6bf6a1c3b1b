package org.no3rr.station.results;

import org.no3rr.cell.CellMetadata;
import org.no3rr.station.service.InvalidRequestException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
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

    /** The capacity of a battery half: {@code capacity=per-g-zn|per-cm2|mah}. */
    public enum Capacity {
        PER_G_ZN("per-g-zn", "mAh g⁻¹", "mAh_per_g_Zn"),
        PER_CM2("per-cm2", "mAh cm⁻²", "mAh_per_cm2"),
        MAH("mah", "mAh", "mAh");

        private final String query;
        private final String unit;
        private final String header;

        Capacity(String query, String unit, String header) {
            this.query = query;
            this.unit = unit;
            this.header = header;
        }

        /** The unit as printed on an axis. */
        public String unit() {
            return unit;
        }

        /** The unit in a CSV header. */
        public String header() {
            return header;
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
            return text == null ? null : Basis.parse(values(), Capacity::query, "capacity", text);
        }

        /** Per g of Zn when every cell gives its Zn mass, else per cm². */
        public static Capacity defaultFor(Collection<CellMetadata> cells) {
            return cells.stream().allMatch(c -> !Double.isNaN(c.znMassG())) ? PER_G_ZN : PER_CM2;
        }

        private String query() {
            return query;
        }
    }

    /** The yield rate of a product: {@code yield=per-mg-cat|per-cm2}. */
    public enum Yield {
        PER_MG_CAT("per-mg-cat", "mg h⁻¹ mg_cat⁻¹", "mg_per_h_per_mg_cat"),
        PER_CM2("per-cm2", "µg h⁻¹ cm⁻²", "ug_per_h_per_cm2");

        private final String query;
        private final String unit;
        private final String header;

        Yield(String query, String unit, String header) {
            this.query = query;
            this.unit = unit;
            this.header = header;
        }

        public String unit() {
            return unit;
        }

        public String header() {
            return header;
        }

        public static Yield parse(String text) {
            return text == null ? null : Basis.parse(values(), Yield::query, "yield", text);
        }

        /** Per mg of catalyst when every cell gives its catalyst mass, else per cm². */
        public static Yield defaultFor(Collection<CellMetadata> cells) {
            return cells.stream().allMatch(c -> !Double.isNaN(c.catalystMassMg())) ? PER_MG_CAT : PER_CM2;
        }

        private String query() {
            return query;
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

    private static <E extends Enum<E>> E parse(E[] values, java.util.function.Function<E, String> query, String field,
                                               String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(v -> query.apply(v).equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, field + " is '" + text + "' but must be one of "
                        + Arrays.stream(values).map(query).collect(Collectors.joining(", "))));
    }
}
