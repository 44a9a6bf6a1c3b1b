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
        return scale == Scale.REFERENCE ? volts : RheScale.of(cell).toReference(volts);
    }
}
