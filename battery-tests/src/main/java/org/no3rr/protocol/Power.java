package org.no3rr.protocol;

import org.no3rr.cell.CellMetadata;

/**
 * A power as written in a protocol, absolute (W) or per electrode area (W/cm², the unit of the
 * power-density figures in the seeds). A step's setpoint is a magnitude; its verb gives the sign.
 *
 * @param value  W when {@code perCm2} is false, W/cm² when true
 * @param perCm2 whether the value is a power density
 */
public record Power(double value, boolean perCm2) {

    public static Power watts(double watts) {
        return new Power(watts, false);
    }

    public static Power wattsPerCm2(double wattsPerCm2) {
        return new Power(wattsPerCm2, true);
    }

    /** A power or power-density quantity as read from a line. */
    public static Power of(Quantity q) {
        return new Power(q.value(), q.kind() == QuantityKind.POWER_DENSITY);
    }

    /** The power in W for this cell: a density is multiplied by the cell's electrode area. */
    public double toWatts(CellMetadata cell) {
        return perCm2 ? value * cell.areaCm2() : value;
    }

    /** As a researcher would write it, e.g. {@code 5 mW/cm2} or {@code 2000 mW}. */
    public String describe() {
        return Numbers.format(value * 1000) + (perCm2 ? " mW/cm2" : " mW");
    }
}
