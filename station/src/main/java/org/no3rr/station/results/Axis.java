package org.no3rr.station.results;

/**
 * One axis of a figure: what a person reads on it, and the CSV column its values go to.
 *
 * @param label    quantity and unit as printed on the axis, e.g. {@code E / V vs RHE}
 * @param quantity the CSV column's quantity, e.g. {@code potential_vs_rhe}
 * @param unit     the CSV column's unit, last after an underscore as in every export, e.g. {@code V}; empty for
 *                 a count such as a cycle number
 */
public record Axis(String label, String quantity, String unit) {

    /** The CSV column of the values, e.g. {@code potential_vs_rhe_V}. */
    public String header() {
        return unit.isEmpty() ? quantity : quantity + "_" + unit;
    }

    /** The CSV column of the values' standard deviations, e.g. {@code faradaic_efficiency_sd_percent}. */
    public String deviationHeader() {
        return unit.isEmpty() ? quantity + "_sd" : quantity + "_sd_" + unit;
    }
}
