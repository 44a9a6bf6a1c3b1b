package org.no3rr.protocol;

import org.no3rr.cell.CellMetadata;

/**
 * A current as written in a protocol: either absolute (A) or a density per electrode area
 * (A/cm²), because researchers think in mA/cm² while the hardware needs amperes.
 *
 * @param value    A when {@code perCm2} is false, A/cm² when true
 * @param perCm2   whether the value is a current density
 */
public record Current(double value, boolean perCm2) {

    public static Current amps(double amps) {
        return new Current(amps, false);
    }

    public static Current ampsPerCm2(double ampsPerCm2) {
        return new Current(ampsPerCm2, true);
    }

    /** A current or current-density quantity as read from a line. */
    static Current of(Quantity q) {
        return new Current(q.value(), q.kind() == Unit.Kind.CURRENT_DENSITY);
    }

    /** The current in A for this cell: a density is multiplied by the cell's electrode area. */
    public double toAmps(CellMetadata cell) {
        return perCm2 ? value * cell.areaCm2() : value;
    }

    /** As a researcher would write it, e.g. {@code 5 mA/cm2} or {@code 60 mA}. */
    public String describe() {
        return Numbers.format(value * 1000) + (perCm2 ? " mA/cm2" : " mA");
    }
}
