package org.no3rr.station.results;

/**
 * A number a figure states besides its points: a peak power density, a Cdl and the ECSA from it,
 * a capacity fade. Shown under the figure on the page and in the PNG's legend.
 *
 * @param label what it is, e.g. {@code Cdl}
 * @param value its value (null in JSON when it does not exist)
 * @param unit  its unit as printed, e.g. {@code mF cm⁻²}; empty for a plain number
 * @param run   the run it is about
 */
public record Fact(String label, double value, String unit, long run) {

    public Fact ofRun() {
        return new Fact("run " + run + " · " + label, value, unit, run);
    }
}
