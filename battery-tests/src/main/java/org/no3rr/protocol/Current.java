package org.no3rr.protocol;

import org.no3rr.cell.CellMetadata;

/**
 * A current as written in a protocol: absolute (A), a density per electrode area (A/cm²), or a
 * C-rate (multiples of the cell's nominal capacity per hour), because researchers think in mA/cm²
 * or in C while the hardware needs amperes. A step's setpoint is a magnitude; its verb gives the
 * sign.
 *
 * @param value A, A/cm² or C-rate, as {@code basis} says
 * @param basis what {@code value} is per
 */
public record Current(double value, Basis basis) {

    /** What a current value is per. */
    public enum Basis {
        /** A. */
        ABSOLUTE,
        /** A per cm² of electrode area. */
        PER_AREA,
        /** Multiples of the nominal capacity per hour: 1C drains the nominal capacity in 1 h. */
        C_RATE
    }

    public Current {
        if (basis == null) {
            throw new IllegalArgumentException("a current needs its basis");
        }
    }

    public static Current amps(double amps) {
        return new Current(amps, Basis.ABSOLUTE);
    }

    public static Current ampsPerCm2(double ampsPerCm2) {
        return new Current(ampsPerCm2, Basis.PER_AREA);
    }

    public static Current cRate(double multipleOfNominalCapacity) {
        return new Current(multipleOfNominalCapacity, Basis.C_RATE);
    }

    /** A current, current-density or C-rate quantity as read from a line. */
    public static Current of(Quantity q) {
        return switch (q.kind()) {
            case CURRENT -> amps(q.value());
            case CURRENT_DENSITY -> ampsPerCm2(q.value());
            case C_RATE -> cRate(q.value());
            default -> throw new IllegalArgumentException("not a current: " + q);
        };
    }

    public boolean perCm2() {
        return basis == Basis.PER_AREA;
    }

    /** Whether converting this current needs the cell's nominal capacity. */
    public boolean needsNominalCapacity() {
        return basis == Basis.C_RATE;
    }

    /**
     * The current in A for this cell: a density is multiplied by the cell's electrode area, a
     * C-rate by its nominal capacity (1C of a 5 mAh cell is 5 mA).
     *
     * @throws IllegalArgumentException for a C-rate when the cell has no nominal capacity
     */
    public double toAmps(CellMetadata cell) {
        return switch (basis) {
            case ABSOLUTE -> value;
            case PER_AREA -> value * cell.areaCm2();
            case C_RATE -> {
                if (Double.isNaN(cell.nominalCapacityAh())) {
                    throw new IllegalArgumentException(describe() + " is a C-rate and needs the cell's nominal "
                            + "capacity (nominalCapacityAh), which is not given");
                }
                yield value * cell.nominalCapacityAh();
            }
        };
    }

    /** As a researcher would write it, e.g. {@code 5 mA/cm2}, {@code 60 mA}, {@code 1C} or {@code C/20}. */
    public String describe() {
        return switch (basis) {
            case ABSOLUTE -> Numbers.format(value * 1000) + " mA";
            case PER_AREA -> Numbers.format(value * 1000) + " mA/cm2";
            case C_RATE -> CRates.write(value);
        };
    }
}
