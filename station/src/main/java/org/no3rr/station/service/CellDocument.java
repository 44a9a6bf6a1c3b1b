package org.no3rr.station.service;

import org.no3rr.cell.CellMetadata;
import org.no3rr.station.validation.Check;
import org.no3rr.station.validation.Ranges;

/**
 * The cell metadata of a run as JSON sees it: absent values are null, not NaN. Used in requests,
 * responses and the {@code run.cell_json} column alike.
 */
public record CellDocument(Double areaCm2, Double catalystMassMg, Double znMassG, Double catholyteVolumeMl,
                           Double ph, String referenceElectrode, Double referenceOffsetV,
                           Double uncompensatedResistanceOhm, Double rheSlopeVPerPh, Double nominalCapacityAh) {

    public static final String DEFAULT_REFERENCE = "Ag/AgCl (sat. KCl)";

    /** A cell with the default RHE slope and without a nominal capacity (a run that uses no C-rate). */
    public CellDocument(Double areaCm2, Double catalystMassMg, Double znMassG, Double catholyteVolumeMl, Double ph,
                        String referenceElectrode, Double referenceOffsetV, Double uncompensatedResistanceOhm) {
        this(areaCm2, catalystMassMg, znMassG, catholyteVolumeMl, ph, referenceElectrode, referenceOffsetV,
                uncompensatedResistanceOhm, null, null);
    }

    /**
     * Converts to the metadata the engine and metrics use; a missing reference electrode means
     * Ag/AgCl in saturated KCl (0.197 V vs SHE), a missing R_u means no iR compensation, a missing
     * RHE slope means 0.0592 V per pH (0.059 reproduces the seed papers).
     *
     * @throws InvalidRequestException naming the field when a value is missing or out of range
     */
    public CellMetadata toMetadata() {
        if (areaCm2 == null) {
            throw new InvalidRequestException("cell.areaCm2", "cell.areaCm2 is required: the electrode area in cm², e.g. 1.0");
        }
        try {
            return new CellMetadata(areaCm2, orNaN(catalystMassMg), orNaN(znMassG), orNaN(catholyteVolumeMl),
                    orNaN(ph), referenceElectrode == null ? DEFAULT_REFERENCE : referenceElectrode,
                    referenceOffsetV == null ? CellMetadata.AG_AGCL_SAT_KCL_V : referenceOffsetV,
                    uncompensatedResistanceOhm == null ? 0.0 : uncompensatedResistanceOhm,
                    rheSlopeVPerPh == null ? CellMetadata.DEFAULT_RHE_SLOPE_V_PER_PH : rheSlopeVPerPh,
                    orNaN(nominalCapacityAh));
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().split(" ", 2)[0];
            throw new InvalidRequestException("cell." + field, "cell." + e.getMessage());
        }
    }

    /** Checks what a request sent against the documented ranges (docs/security.md); stored documents are not re-checked. */
    public CellDocument checked() {
        Check.optional("cell.areaCm2", areaCm2, Ranges.AREA_CM2);
        Check.optional("cell.catalystMassMg", catalystMassMg, Ranges.CATALYST_MASS_MG);
        Check.optional("cell.znMassG", znMassG, Ranges.ZN_MASS_G);
        Check.optional("cell.catholyteVolumeMl", catholyteVolumeMl, Ranges.CATHOLYTE_VOLUME_ML);
        Check.optional("cell.ph", ph, Ranges.PH);
        Check.text("cell.referenceElectrode", referenceElectrode, Ranges.REFERENCE_ELECTRODE_CHARS);
        Check.optional("cell.referenceOffsetV", referenceOffsetV, Ranges.REFERENCE_OFFSET_V);
        Check.optional("cell.uncompensatedResistanceOhm", uncompensatedResistanceOhm, Ranges.UNCOMPENSATED_RESISTANCE_OHM);
        Check.optional("cell.rheSlopeVPerPh", rheSlopeVPerPh, Ranges.RHE_SLOPE_V_PER_PH);
        Check.optional("cell.nominalCapacityAh", nominalCapacityAh, Ranges.NOMINAL_CAPACITY_AH);
        return this;
    }

    public static CellDocument of(CellMetadata cell) {
        return new CellDocument(cell.areaCm2(), orNull(cell.catalystMassMg()), orNull(cell.znMassG()),
                orNull(cell.catholyteVolumeMl()), orNull(cell.ph()), cell.referenceElectrode(),
                cell.referenceOffsetV(), cell.uncompensatedResistanceOhm(), cell.rheSlopeVPerPh(),
                orNull(cell.nominalCapacityAh()));
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
