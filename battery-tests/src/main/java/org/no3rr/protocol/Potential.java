package org.no3rr.protocol;

import org.no3rr.cell.CellMetadata;

/**
 * An electrode potential as written in a protocol, on the scale the researcher chose. The
 * potentiostat only knows "vs the reference electrode", so RHE values are converted with the run's
 * reference offset and pH (see domain.md): E_RHE = E_ref + E_ref,SHE + 0.0592·pH.
 *
 * @param volts the potential in V on {@code scale}
 * @param scale RHE, or the reference electrode of the cell
 */
public record Potential(double volts, Scale scale) {

    /** 2.303·R·T/F at 25 °C in V per pH unit. */
    public static final double NERNST_SLOPE_V_PER_PH = 0.0592;

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
    }

    /** Whether converting this potential needs the cell's pH. */
    public boolean needsPh() {
        return scale == Scale.RHE;
    }

    /** The potential to hold against the cell's reference electrode, in V. */
    public double toVoltsVsReference(CellMetadata cell) {
        return scale == Scale.REFERENCE
                ? volts
                : volts - cell.referenceOffsetV() - NERNST_SLOPE_V_PER_PH * cell.ph();
    }
}
