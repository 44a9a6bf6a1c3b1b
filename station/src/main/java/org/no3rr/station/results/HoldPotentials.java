package org.no3rr.station.results;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.potential.RheScale;
import org.no3rr.protocol.Potential;
import org.no3rr.protocol.Step;

/**
 * The potential a hold was run at, as the protocol set it (not iR-corrected: what a paper's "at
 * −0.1 V vs RHE" means), on the RHE scale when the cell has a pH (converted with the run's own
 * reference offset and slope) and on the reference electrode's scale otherwise.
 */
final class HoldPotentials {

    private HoldPotentials() {
    }

    static Axis axis(CellMetadata cell) {
        return Double.isNaN(cell.ph()) ? new Axis("E / V vs " + reference(cell), "potential_vs_ref", "V")
                : new Axis("E / V vs RHE", "potential_vs_rhe", "V");
    }

    /** The hold's set potential on {@link #axis}'s scale. */
    static double of(FigureContext context, StepSummary hold) {
        Potential potential = context.contents().stepAt(hold.stepLine(), Step.Hold.class)
                .orElseThrow(() -> new IllegalStateException("step " + hold.stepNumber() + " of run " + context.runId()
                        + " is a hold, but protocol line " + hold.stepLine() + " is not a Hold"))
                .potential();
        CellMetadata cell = context.cell();
        if (potential.scale() == Potential.Scale.RHE || Double.isNaN(cell.ph())) {
            return potential.volts();
        }
        return RheScale.of(cell).toRhe(potential.volts());
    }

    private static String reference(CellMetadata cell) {
        return cell.referenceElectrode().isBlank() ? "ref" : cell.referenceElectrode();
    }
}
