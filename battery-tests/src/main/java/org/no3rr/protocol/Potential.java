package org.no3rr.protocol;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.potential.RheScale;

/**
 * An electrode potential as written in a protocol, on the scale the researcher chose. The
 * potentiostat only knows "vs the reference electrode", so RHE values are converted with the run's
 * reference offset, pH and slope ({@link RheScale}): E_RHE = E_vs_ref + E_ref,SHE + slope·pH.
 *
 * @param volts the potential in V on {@code scale}
 * @param scale RHE, or the reference electrode of the cell
 */
public record Potential(double volts, Scale scale) {

    /** No electrochemical cell is driven beyond this; larger values are typos. */
    public static final double LARGEST_V = 10.0;

    /**
     * @throws LineProblem when {@code volts} is beyond ±{@value #LARGEST_V} V
     */
    public Potential {
        if (scale == null) {
            throw new IllegalArgumentException("a potential needs its scale");
        }
        requireWithinRange(volts, "a potential", "Hold at -0.1 V vs RHE for 1 h");
    }

    /** The one range check for potentials and cell voltages a step holds. */
    static void requireWithinRange(double volts, String what, String example) {
        if (!(Math.abs(volts) <= LARGEST_V)) {
            throw new LineProblem(what + " must be between -" + Numbers.format(LARGEST_V) + " V and "
                    + Numbers.format(LARGEST_V) + " V, found " + Numbers.format(volts) + " V", example);
        }
    }

    public enum Scale {
        /** The reversible hydrogen electrode: needs the cell's pH and reference offset. */
        RHE("RHE"),
        /** The cell's own reference electrode (e.g. Ag/AgCl): used as written. */
        REFERENCE("Ag/AgCl");

        private final String written;

        Scale(String written) {
            this.written = written;
        }

        public String written() {
            return written;
        }

        /**
         * The scale for {@code RHE}, {@code Ag/AgCl}, {@code ref} or {@code reference}, ignoring case.
         *
         * @throws LineProblem naming the scale written and the ones allowed
         */
        public static Scale of(String written, String example) {
            switch (written.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "rhe":
                    return RHE;
                case "ag/agcl":
                case "ref":
                case "reference":
                    return REFERENCE;
                default:
                    throw new LineProblem("unknown potential scale '" + written.strip()
                            + "'; write 'vs RHE' or 'vs Ag/AgCl'", example);
            }
        }
    }

    /** Whether converting this potential needs the cell's pH. */
    public boolean needsPh() {
        return scale == Scale.RHE;
    }

    /** The potential to hold against the cell's reference electrode, in V. */
    public double toVoltsVsReference(CellMetadata cell) {
        return scale == Scale.REFERENCE ? volts : RheScale.of(cell).toReference(volts);
    }
}
