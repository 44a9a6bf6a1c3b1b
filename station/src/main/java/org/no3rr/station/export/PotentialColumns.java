package org.no3rr.station.export;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.potential.IrCompensation;
import org.no3rr.metrics.potential.RheScale;

import java.util.Optional;

/**
 * The working-electrode potential of a sample on every scale an export offers, one home for all
 * exports: vs the reference electrode as measured; vs RHE with the run's own conversion
 * (E_RHE = E_vs_ref + E_ref + slope·pH, only when the cell metadata gives a pH); and iR-corrected
 * vs RHE, E_RHE − I·R_u, with I signed (positive anodic), so for a cathodic current the corrected
 * potential is less negative — what the catalyst saw. Without R_u (0 Ω) the corrected potential
 * equals the uncorrected one.
 */
public final class PotentialColumns {

    private final Optional<RheScale> rhe;
    private final double uncompensatedResistanceOhm;

    public PotentialColumns(CellMetadata cell) {
        this.rhe = Double.isNaN(cell.ph()) ? Optional.empty() : Optional.of(RheScale.of(cell));
        this.uncompensatedResistanceOhm = cell.uncompensatedResistanceOhm();
    }

    public boolean hasRhe() {
        return rhe.isPresent();
    }

    /** NaN when the sample has no WE potential or the run no pH. */
    public double vsRhe(double wePotentialV) {
        return rhe.isEmpty() || Double.isNaN(wePotentialV) ? Double.NaN : rhe.get().toRhe(wePotentialV);
    }

    /** NaN when the sample has no WE potential or the run no pH. */
    public double irFreeVsRhe(double wePotentialV, double currentA) {
        double vsRhe = vsRhe(wePotentialV);
        return Double.isNaN(vsRhe) ? vsRhe : IrCompensation.compensatedV(vsRhe, currentA, uncompensatedResistanceOhm);
    }

    /** One sentence for an export's metadata: how the RHE values were made, or why there are none. */
    public String rheNote() {
        return rhe.map(scale -> scale.describe() + "; iR-corrected: E_RHE − I·R_u with R_u = "
                        + uncompensatedResistanceOhm + " Ω and I positive when anodic")
                .orElse("no RHE potentials: the run's cell metadata has no pH");
    }

    public Optional<RheScale> scale() {
        return rhe;
    }
}
