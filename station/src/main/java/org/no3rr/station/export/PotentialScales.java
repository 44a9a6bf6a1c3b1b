package org.no3rr.station.export;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.potential.RheScale;

import java.util.Optional;

/**
 * Which potential scales an export can offer for a run: the working electrode vs the reference is
 * always as measured; vs RHE only when the cell metadata gives the electrolyte's pH, because
 * E_RHE = E_ref + offset + 0.0592 V·pH cannot be guessed.
 */
final class PotentialScales {

    private PotentialScales() {
    }

    static Optional<RheScale> rhe(CellMetadata cell) {
        return Double.isNaN(cell.ph()) ? Optional.empty() : Optional.of(RheScale.of(cell));
    }

    /** One sentence for the export's metadata that says how the RHE values were made, or why there are none. */
    static String rheNote(CellMetadata cell) {
        return rhe(cell)
                .map(scale -> "E_RHE = E_vs_reference + " + scale.referenceOffsetV() + " V + "
                        + scale.nernstSlopeV() + " V × pH " + scale.ph() + " (25 °C Nernst slope)")
                .orElse("no RHE potentials: the run's cell metadata has no pH, so the BDF export leaves out '"
                        + BdfCsvWriter.WE_VS_RHE + "' and the JSON export has no wePotentialVsRheV");
    }
}
